namespace Station.Fleet
{
    /// <summary>Entry point (filled in below).</summary>
    public static class Program
    {
        /// <summary>Process entry.</summary>
        public static int Main(string[] args) => FleetCommand.Run(args, System.Console.Out, System.Console.Error);
    }
}
