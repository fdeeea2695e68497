namespace Station.Core
{
    /// <summary>The answer to a command: accepted, or refused with a reason and words for a person.</summary>
    /// <remarks>A class: nanoFramework's interpreter puts every value-type copy on its heap anyway, and a command is
    /// answered at the edges (console, cloud), never in the control tick.</remarks>
    public sealed class CommandResult
    {
        /// <summary>True when the command was taken.</summary>
        public bool Accepted;
        /// <summary>Why it was refused (<see cref="RejectReason.None"/> when accepted).</summary>
        public RejectReason Reason;
        /// <summary>One sentence for the console or the cloud.</summary>
        public string Message;

        /// <summary>An accepted result.</summary>
        public static CommandResult Ok(string message)
        {
            CommandResult r = new CommandResult();
            r.Accepted = true;
            r.Reason = RejectReason.None;
            r.Message = message;
            return r;
        }

        /// <summary>A refused result.</summary>
        public static CommandResult Refuse(RejectReason reason, string message)
        {
            CommandResult r = new CommandResult();
            r.Accepted = false;
            r.Reason = reason;
            r.Message = message;
            return r;
        }
    }
}
