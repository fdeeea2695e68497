using Station.Hal;

namespace Station.Core.Console
{
    /// <summary>A log sink that keeps the last lines for <c>log tail</c> and passes every line on to another sink. Lines
    /// are stamped with UTC wall-clock time once the clock is set, else with the time since boot.</summary>
    public sealed class LogRing : ILog
    {
        private static readonly string[] LevelTags = new string[] { "D", "I", "W", "E" };

        private readonly ILog _next;
        private readonly IClock _clock;
        private readonly string[] _lines;
        private int _start;
        private int _count;

        /// <summary>Keeps <paramref name="capacity"/> lines, stamps them with <paramref name="clock"/> (may be null) and
        /// forwards to <paramref name="next"/> (may be null).</summary>
        public LogRing(int capacity, IClock clock, ILog next)
        {
            _lines = new string[capacity];
            _clock = clock;
            _next = next;
        }

        /// <summary>Most lines kept.</summary>
        public int Capacity
        {
            get { return _lines.Length; }
        }

        /// <summary>Lines kept now.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Keeps and forwards one line.</summary>
        public void Write(LogLevel level, string message)
        {
            int tag = (int)level;
            string stamp = _clock == null ? "" : WallClockText.Now(_clock) + " ";
            string line = stamp + (tag >= 0 && tag < LevelTags.Length ? LevelTags[tag] : "?") + " " + message;
            int slot = (_start + _count) % _lines.Length;
            _lines[slot] = line;
            if (_count < _lines.Length)
            {
                _count++;
            }
            else
            {
                _start = (_start + 1) % _lines.Length;
            }

            if (_next != null)
            {
                _next.Write(level, message);
            }
        }

        /// <summary>The last <paramref name="n"/> lines, oldest first, joined with '\n' ("" when none).</summary>
        public string Tail(int n)
        {
            if (n > _count)
            {
                n = _count;
            }

            System.Text.StringBuilder text = new System.Text.StringBuilder();
            for (int i = _count - n; i < _count; i++)
            {
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                text.Append(_lines[(_start + i) % _lines.Length]);
            }

            return text.ToString();
        }
    }
}
