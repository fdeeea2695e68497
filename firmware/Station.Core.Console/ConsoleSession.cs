namespace Station.Core.Console
{
    /// <summary>The session around the commands: the keys that are not a command line (Ctrl-C, Ctrl-D, Ctrl-L, Tab,
    /// Ctrl-X), the emergency stop, and the end of a session (exit, quit, Ctrl-D).</summary>
    public sealed class ConsoleSession
    {
        private readonly IConsoleStation _station;
        private readonly ConsoleOutput _output;
        private readonly LineEditor _editor;
        private readonly ConsoleReplies _replies;
        private readonly MaintenanceMode _maintenance;

        /// <summary>The session of a console on <paramref name="station"/>.</summary>
        public ConsoleSession(IConsoleStation station, ConsoleOutput output, LineEditor editor, ConsoleReplies replies, MaintenanceMode maintenance)
        {
            _station = station;
            _output = output;
            _editor = editor;
            _replies = replies;
            _maintenance = maintenance;
        }

        /// <summary>Raised when the technician ends the session (exit, quit, Ctrl-D on an empty line).</summary>
        public event ConsoleSessionHandler Ended;

        /// <summary>Acts on a line event other than a submitted line.</summary>
        public void Handle(LineEvent e)
        {
            switch (e)
            {
                case LineEvent.Cancel:
                    CancelHint();
                    _replies.ShowPrompt();
                    break;
                case LineEvent.EndSession:
                    _output.Write("\n");
                    End("Ctrl-D");
                    break;
                case LineEvent.Redraw:
                    // ANSI clear-screen and home: every terminal program a technician uses (screen, minicom, picocom,
                    // PuTTY) knows it; then the prompt and the line typed so far.
                    _output.WriteByte(0x1B);
                    _output.Write("[H");
                    _output.WriteByte(0x1B);
                    _output.Write("[2J");
                    _replies.Redraw();
                    break;
                case LineEvent.Emergency:
                    EmergencyStop("Ctrl-X");
                    break;
                case LineEvent.Complete:
                    Complete();
                    break;
            }
        }

        /// <summary>Every output off and a fault latched, maintenance ended, announced and audited.</summary>
        public void EmergencyStop(string how)
        {
            _station.EmergencyStop();
            _editor.Clear();
            string ended = _maintenance.On ? "; maintenance ended" : "";
            _maintenance.EndQuietly();
            _replies.Announce("*** EMERGENCY STOP (" + how + "): all motion off, fault latched" + ended + " ***");
            _replies.Record(how == "Ctrl-X" ? "^X" : "stop", true, "emergency stop");
        }

        /// <summary>Ends the session (and maintenance) as <paramref name="how"/> asked.</summary>
        public void End(string how)
        {
            _editor.Clear();
            bool wasOn = _maintenance.On;
            _maintenance.EndQuietly();
            _output.WriteLine("session ended (" + how + ")" + (wasOn ? "; maintenance ended" : "")
                + ". Press Enter for a new session.");
            if (how == "Ctrl-D")
            {
                _replies.Record("^D", true, "session ended");
            }

            ConsoleSessionHandler ended = Ended;
            if (ended != null)
            {
                ended();
            }
        }

        private void Complete()
        {
            string[] candidates;
            string completed = WordCompletion.Complete(_editor.Current, out candidates);
            if (candidates != null)
            {
                _output.Write("\n");
                for (int i = 0; i < candidates.Length; i++)
                {
                    _output.Write(i == 0 ? candidates[i] : "  " + candidates[i]);
                }

                _output.Write("\n");
                _editor.Redraw();
            }
            else if (completed != _editor.Current)
            {
                _editor.Replace(completed);
            }
            else
            {
                _output.WriteByte(0x07);
            }
        }

        private void CancelHint()
        {
            // Ctrl-C stops what the console started (any key does); a swap belongs to the sequencer.
            if (_station.SwapRunning)
            {
                _output.WriteLine("(line cleared; Ctrl-C does not stop a swap: Ctrl-X or 'stop' is the emergency stop,"
                    + " 'swap cancel' before it moves)");
            }
            else
            {
                _output.WriteLine("(line cleared)");
            }
        }
    }
}
