using Station.Hal;

namespace Station.Core.Console
{
    /// <summary>What the console says: every command's reply shown, logged and audited once; messages that arrive while
    /// the technician types, on their own lines above the prompt and the typed text; the prompt itself.</summary>
    public sealed class ConsoleReplies
    {
        private readonly ConsoleOutput _output;
        private readonly LineEditor _editor;
        private readonly ConsolePrompt _prompt;
        private readonly IClock _clock;
        private readonly LogRing _log;
        private string _shownPrompt = "";

        /// <summary>Replies through <paramref name="output"/> and <paramref name="editor"/>, logged to <paramref name="log"/> (may be null).</summary>
        public ConsoleReplies(ConsoleOutput output, LineEditor editor, ConsolePrompt prompt, IClock clock, LogRing log)
        {
            _output = output;
            _editor = editor;
            _prompt = prompt;
            _clock = clock;
            _log = log;
        }

        /// <summary>Raised once for every command line and every emergency key, for the audit journal.</summary>
        public event ConsoleAuditHandler Audit;

        /// <summary>Shows <paramref name="text"/> (when any) and records the command.</summary>
        public void Reply(string audited, bool accepted, string text)
        {
            if (text != null && text.Length > 0)
            {
                _output.WriteLine(text);
            }

            Record(audited, accepted, text);
        }

        /// <summary>Replies with an outcome; a refusal starts with <paramref name="words"/> (null: its message names the
        /// command already).</summary>
        public void Outcome(string audited, string words, ConsoleOutcome outcome)
        {
            Reply(audited, outcome.Accepted, outcome.Accepted || words == null ? outcome.Message : words + ": " + outcome.Message);
        }

        /// <summary>Logs and audits a command and the first line of its result.</summary>
        public void Record(string command, bool accepted, string result)
        {
            Log(accepted ? LogLevel.Info : LogLevel.Warning, "console: " + command + " -> " + (accepted ? "ok" : "refused")
                + (result == null ? "" : ": " + ConsoleWords.FirstLine(result)));
            ConsoleAuditHandler audit = Audit;
            if (audit != null)
            {
                audit(_clock.NowMs, command, accepted, result == null ? "" : ConsoleWords.FirstLine(result));
            }
        }

        /// <summary>A line in the station's log ring (none when the console has no log).</summary>
        public void Log(LogLevel level, string message)
        {
            if (_log != null)
            {
                _log.Write(level, message);
            }
        }

        /// <summary>A message that arrives while the technician types: own line(s), then the prompt and the typed text again.</summary>
        public void Announce(string text)
        {
            _output.Write("\r\n");
            _output.WriteLine(text);
            Redraw();
        }

        /// <summary>The prompt and the line typed so far, again (after a message or a cleared screen).</summary>
        public void Redraw()
        {
            _editor.Prompt = _prompt.Text();
            _editor.Redraw();
            _shownPrompt = _editor.Prompt;
        }

        /// <summary>A new prompt after a reply.</summary>
        public void ShowPrompt()
        {
            _editor.Prompt = _prompt.Text();
            _shownPrompt = _editor.Prompt;
            _output.Write(_editor.Prompt);
        }

        /// <summary>The prompt again when the state changed; rewritten in place when nothing is typed and no console
        /// motion reports (<paramref name="motionWatched"/>).</summary>
        public void RefreshPrompt(bool motionWatched)
        {
            string prompt = _prompt.Text();
            if (prompt == _shownPrompt)
            {
                return;
            }

            _editor.Prompt = prompt;
            if (_editor.Length == 0 && !motionWatched)
            {
                // Overwrite the old prompt in place (plain CR and spaces, no escape sequences: works on any terminal).
                _output.CarriageReturn();
                _output.Write(new string(' ', _shownPrompt.Length));
                _output.CarriageReturn();
                _output.Write(prompt);
                _shownPrompt = prompt;
            }
        }
    }
}
