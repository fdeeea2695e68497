using System.IO;

namespace Station.Fleet
{
    /// <summary>Command line of the fleet simulator.</summary>
    public static class FleetCommand
    {
        /// <summary>Runs with <paramref name="args"/>; returns the exit code.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => 0;
    }
}
