namespace Station.Core.Console
{
    /// <summary>The result of parsing one console line against the command table.</summary>
    public sealed class ParsedCommand
    {
        /// <summary>The matched row, or null when the line did not parse.</summary>
        public ConsoleCommand Command;
        /// <summary>Arguments after the command words, as typed.</summary>
        public string[] Args;
        /// <summary>What was wrong and what would be right, when <see cref="Command"/> is null.</summary>
        public string Error;

        /// <summary>Argument <paramref name="index"/>, or null when absent.</summary>
        public string Arg(int index)
        {
            return Args != null && index < Args.Length ? Args[index] : null;
        }
    }
}
