namespace Station.Core.Console
{
    /// <summary>What one input byte meant to the line editor.</summary>
    public enum LineEvent
    {
        /// <summary>Nothing for the console to do (a character was echoed, an escape sequence consumed, ...).</summary>
        None = 0,
        /// <summary>Enter: a line is ready in <see cref="LineEditor.Submitted"/> (check <see cref="LineEditor.SubmitError"/>).</summary>
        Submit = 1,
        /// <summary>Ctrl-C: the line was thrown away.</summary>
        Cancel = 2,
        /// <summary>Ctrl-X: the emergency stop key.</summary>
        Emergency = 3,
        /// <summary>Tab: the console should complete the word at the end of the line.</summary>
        Complete = 4,
        /// <summary>Ctrl-D on an empty line: the technician ends the session.</summary>
        EndSession = 5,
        /// <summary>Ctrl-L: clear the screen and draw the prompt and line again.</summary>
        Redraw = 6,
    }
}
