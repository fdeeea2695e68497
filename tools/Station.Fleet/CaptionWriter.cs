using System;
using System.IO;
using System.Text;

namespace Station.Fleet
{
    /// <summary>A writer that hands each complete line to a callback (the fleet run's status line becomes the caption of
    /// its progress bar instead of scrolling under it).</summary>
    public sealed class CaptionWriter : TextWriter
    {
        readonly Action<string> _line;
        readonly StringBuilder _pending = new StringBuilder();

        /// <summary>Calls <paramref name="line"/> for every line written.</summary>
        public CaptionWriter(Action<string> line) => _line = line;

        /// <inheritdoc />
        public override Encoding Encoding => Encoding.UTF8;

        /// <inheritdoc />
        public override void Write(char value)
        {
            if (value == '\n') { _line(_pending.ToString().TrimEnd('\r')); _pending.Clear(); }
            else _pending.Append(value);
        }
    }
}
