namespace Station.Core.Console
{
    /// <summary>The last few submitted lines, for Up/Down recall. Bounded: the oldest line drops out.</summary>
    public sealed class LineHistory
    {
        private readonly string[] _lines;
        private int _count;
        private int _cursor;
        private string _draft = "";

        /// <summary>A history keeping at most <paramref name="capacity"/> lines.</summary>
        public LineHistory(int capacity)
        {
            _lines = new string[capacity];
        }

        /// <summary>Number of lines kept.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Line <paramref name="index"/>, 0 the oldest.</summary>
        public string this[int index]
        {
            get { return _lines[index]; }
        }

        /// <summary>Remembers a submitted line (not empty lines, not a repeat of the newest) and ends any browsing.</summary>
        public void Add(string line)
        {
            if (line.Length > 0 && (_count == 0 || _lines[_count - 1] != line))
            {
                if (_count == _lines.Length)
                {
                    System.Array.Copy(_lines, 1, _lines, 0, _count - 1);
                    _count--;
                }

                _lines[_count++] = line;
            }

            _cursor = _count;
            _draft = "";
        }

        /// <summary>Ends browsing without adding (after Ctrl-C).</summary>
        public void Reset()
        {
            _cursor = _count;
            _draft = "";
        }

        /// <summary>The older line to show for Up, or null at the oldest. <paramref name="current"/> is kept as the draft.</summary>
        public string Older(string current)
        {
            if (_cursor == 0)
            {
                return null;
            }

            if (_cursor == _count)
            {
                _draft = current;
            }

            _cursor--;
            return _lines[_cursor];
        }

        /// <summary>The newer line to show for Down (the draft after the newest), or null when not browsing.</summary>
        public string Newer()
        {
            if (_cursor >= _count)
            {
                return null;
            }

            _cursor++;
            return _cursor == _count ? _draft : _lines[_cursor];
        }
    }
}
