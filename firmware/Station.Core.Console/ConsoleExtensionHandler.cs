namespace Station.Core.Console
{
    /// <summary>Handles a console line that starts with a registered extra noun (the simulator's hidden <c>sim</c>
    /// commands); returns the reply text.</summary>
    public delegate string ConsoleExtensionHandler(string line);
}
