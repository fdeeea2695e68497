namespace Station.Core.Console
{
    /// <summary>What the station said to a console request: accepted or not, and in words why.</summary>
    /// <remarks>A class: nanoFramework's interpreter puts every value-type copy on its heap anyway; an outcome is
    /// made per console request, outside the control tick.</remarks>
    public sealed class ConsoleOutcome
    {
        /// <summary>True when the station took the request.</summary>
        public bool Accepted;
        /// <summary>What happened, or why it was refused and what would be right.</summary>
        public string Message;

        /// <summary>An accepted request with a message.</summary>
        public static ConsoleOutcome Done(string message)
        {
            ConsoleOutcome outcome = new ConsoleOutcome();
            outcome.Accepted = true;
            outcome.Message = message;
            return outcome;
        }

        /// <summary>A refused request with the reason.</summary>
        public static ConsoleOutcome Refused(string message)
        {
            ConsoleOutcome outcome = new ConsoleOutcome();
            outcome.Accepted = false;
            outcome.Message = message;
            return outcome;
        }
    }
}
