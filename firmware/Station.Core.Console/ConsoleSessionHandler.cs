namespace Station.Core.Console
{
    /// <summary>The technician ended the console session (<c>exit</c>, <c>quit</c>, Ctrl-D on an empty line); the host
    /// decides what that means (a board greets the next key, the simulator stops).</summary>
    public delegate void ConsoleSessionHandler();
}
