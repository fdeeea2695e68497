namespace Station.Core.Console
{
    /// <summary>Turns terminal bytes into command lines: echo, backspace, Ctrl-C, Ctrl-U, Up/Down history, Tab, and a
    /// refusal (never a truncation) of lines that are too long or hold bytes that are not printable ASCII.</summary>
    /// <remarks>
    /// Input states (one byte at a time, nothing allocated per byte):
    /// <list type="table">
    /// <item><term>Text</term><description>printable ASCII is appended and echoed; CR or LF submits; BS/DEL erase;
    /// ^C cancels; ^U clears; ^X reports the emergency key; ^D on an empty line ends the session; ^L asks for a redraw;
    /// TAB asks for completion; ESC goes to Escape.</description></item>
    /// <item><term>Escape</term><description>after ESC: '[' or 'O' starts a sequence (Sequence); anything else ends it
    /// (Alt-key combinations are dropped).</description></item>
    /// <item><term>Sequence</term><description>parameter bytes are skipped up to a bound; the final byte ends it:
    /// 'A' is Up, 'B' is Down, anything else (arrows left/right, function keys) is ignored. A control byte inside
    /// aborts the sequence and is handled as in Text, so a stray ESC never swallows Enter or Ctrl-C.</description></item>
    /// </list>
    /// A line that overflowed or held other bytes (UTF-8, binary) is reported by <see cref="SubmitError"/> when Enter
    /// comes and is never executed: dropping bytes silently could turn "jog +1?0" into "jog +10". The same holds for a
    /// line whose first keys were taken for something else (they stopped a console motion): <see cref="RefuseRestOfLine"/>
    /// makes the rest of it, up to its Enter, a refused line — its tail never runs as a command of its own.
    /// </remarks>
    public sealed class LineEditor
    {
        /// <summary>Longest line accepted, in characters.</summary>
        public const int MaxLineLength = 120;

        /// <summary>Longest escape sequence skipped before it is given up as garbage.</summary>
        public const int MaxSequenceLength = 16;

        private const int Text = 0;
        private const int Escape = 1;
        private const int Sequence = 2;

        private readonly ConsoleOutput _output;
        private readonly LineHistory _history;
        private readonly char[] _chars = new char[MaxLineLength];
        private int _length;
        private int _state = Text;
        private int _sequenceLength;
        private bool _sequenceHasParameters;
        private bool _afterCr;
        private bool _overflowed;
        private int _badBytes;
        private string _refusal;
        private bool _bellSent;
        private string _prompt = "";
        private string _submitted = "";
        private string _submitError;

        /// <summary>An editor echoing to <paramref name="output"/> and remembering lines in <paramref name="history"/>.</summary>
        public LineEditor(ConsoleOutput output, LineHistory history)
        {
            _output = output;
            _history = history;
        }

        /// <summary>The text typed so far on the current line.</summary>
        public string Current
        {
            get { return new string(_chars, 0, _length); }
        }

        /// <summary>Number of characters on the current line.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>The line last submitted (valid after <see cref="LineEvent.Submit"/>).</summary>
        public string Submitted
        {
            get { return _submitted; }
        }

        /// <summary>Why the submitted line is refused (too long, not ASCII), or null when it may be executed.</summary>
        public string SubmitError
        {
            get { return _submitError; }
        }

        /// <summary>The prompt used when the line is redrawn.</summary>
        public string Prompt
        {
            get { return _prompt; }
            set { _prompt = value; }
        }

        /// <summary>Handles one received byte.</summary>
        public LineEvent Feed(byte b)
        {
            if (_state == Escape)
            {
                if (b == (byte)'[' || b == (byte)'O')
                {
                    _state = Sequence;
                    _sequenceLength = 0;
                    _sequenceHasParameters = false;
                    return LineEvent.None;
                }

                _state = Text;
                if (b >= 0x20 && b < 0x7F)
                {
                    return LineEvent.None;
                }
            }
            else if (_state == Sequence)
            {
                if (b >= 0x20 && b <= 0x3F)
                {
                    _sequenceHasParameters = true;
                    if (++_sequenceLength > MaxSequenceLength)
                    {
                        _state = Text;
                    }

                    return LineEvent.None;
                }

                _state = Text;
                if (b >= 0x40 && b <= 0x7E)
                {
                    if (!_sequenceHasParameters && b == (byte)'A')
                    {
                        Recall(_history.Older(Current));
                    }
                    else if (!_sequenceHasParameters && b == (byte)'B')
                    {
                        Recall(_history.Newer());
                    }

                    return LineEvent.None;
                }
            }

            bool afterCr = _afterCr;
            _afterCr = b == 0x0D;
            switch (b)
            {
                case 0x0D:
                    return Submit();
                case 0x0A:
                    return afterCr ? LineEvent.None : Submit();
                case 0x08:
                case 0x7F:
                    Erase();
                    return LineEvent.None;
                case 0x03:
                    _output.Write("^C\n");
                    Clear();
                    _history.Reset();
                    return LineEvent.Cancel;
                case 0x15:
                    // The technician threw the whole line away: what follows is a new line.
                    EraseAll();
                    _overflowed = false;
                    _badBytes = 0;
                    _refusal = null;
                    return LineEvent.None;
                case 0x18:
                    return LineEvent.Emergency;
                case 0x09:
                    return LineEvent.Complete;
                case 0x04:
                    // Ctrl-D ends the session on an empty line (as in a shell); inside a line it does nothing.
                    return _length == 0 ? LineEvent.EndSession : LineEvent.None;
                case 0x0C:
                    return LineEvent.Redraw;
                case 0x1B:
                    _state = Escape;
                    return LineEvent.None;
                case 0x00:
                    // Some terminals send CR NUL; NUL carries nothing.
                    return LineEvent.None;
            }

            if (b >= 0x20 && b < 0x7F)
            {
                if (_length < MaxLineLength)
                {
                    _chars[_length++] = (char)b;
                    _output.WriteByte(b);
                }
                else
                {
                    _overflowed = true;
                    Bell();
                }
            }
            else
            {
                _badBytes++;
                Bell();
            }

            return LineEvent.None;
        }

        /// <summary>Replaces the current line with <paramref name="text"/> and redraws it (completion, history).</summary>
        public void Replace(string text)
        {
            EraseAll();
            int n = text.Length < MaxLineLength ? text.Length : MaxLineLength;
            for (int i = 0; i < n; i++)
            {
                char c = text[i];
                _chars[_length++] = c >= ' ' && c < (char)127 ? c : '?';
                _output.WriteByte((byte)_chars[_length - 1]);
            }
        }

        /// <summary>Writes the prompt and the line typed so far (after output interrupted it).</summary>
        public void Redraw()
        {
            _output.Write(_prompt);
            for (int i = 0; i < _length; i++)
            {
                _output.WriteByte((byte)_chars[i]);
            }
        }

        /// <summary>The keys of the current line so far were taken for something else (they stopped a motion): whatever
        /// follows up to the end of this line is refused whole with <paramref name="reason"/>, never run as a command.</summary>
        public void RefuseRestOfLine(string reason)
        {
            _refusal = reason;
        }

        /// <summary>Throws away the current line without echo (after the emergency key).</summary>
        public void Clear()
        {
            _length = 0;
            _overflowed = false;
            _badBytes = 0;
            _refusal = null;
            _bellSent = false;
            _state = Text;
        }

        private LineEvent Submit()
        {
            _output.Write("\n");
            _submitted = new string(_chars, 0, _length);
            _submitError = null;
            if (_refusal != null)
            {
                _submitError = _refusal;
            }
            else if (_overflowed)
            {
                _submitError = "line refused: longer than " + MaxLineLength.ToString() + " characters; nothing was done";
            }
            else if (_badBytes > 0)
            {
                _submitError = "line refused: it held " + _badBytes.ToString()
                    + " byte(s) that are not printable ASCII; commands are plain ASCII; nothing was done";
            }

            if (_submitError == null)
            {
                _history.Add(_submitted);
            }
            else
            {
                _history.Reset();
            }

            Clear();
            return LineEvent.Submit;
        }

        private void Recall(string text)
        {
            if (text != null && _refusal == null)
            {
                _overflowed = false;
                _badBytes = 0;
                Replace(text);
            }
        }

        private void Erase()
        {
            if (_length > 0)
            {
                _length--;
                _output.WriteByte(0x08);
                _output.WriteByte((byte)' ');
                _output.WriteByte(0x08);
            }
        }

        private void EraseAll()
        {
            while (_length > 0)
            {
                Erase();
            }
        }

        private void Bell()
        {
            // One bell per line is enough; a flood of binary must not become a flood of output.
            if (!_bellSent)
            {
                _bellSent = true;
                _output.WriteByte(0x07);
            }
        }
    }
}
