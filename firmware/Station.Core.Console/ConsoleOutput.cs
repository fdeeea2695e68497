using Station.Hal;

namespace Station.Core.Console
{
    /// <summary>Text to the technician's terminal through a preallocated buffer: ASCII only (anything else is sent as
    /// '?'), and every '\n' goes out as CR LF so a dumb terminal starts each line at the left.</summary>
    public sealed class ConsoleOutput
    {
        private readonly ISerialLine _line;
        private readonly byte[] _buffer = new byte[256];
        private int _count;

        /// <summary>Output to <paramref name="line"/>.</summary>
        public ConsoleOutput(ISerialLine line)
        {
            _line = line;
        }

        /// <summary>Queues one byte as is (control bytes such as BEL and backspace included).</summary>
        public void WriteByte(byte value)
        {
            if (_count == _buffer.Length)
            {
                Flush();
            }

            _buffer[_count++] = value;
        }

        /// <summary>Queues text.</summary>
        public void Write(string text)
        {
            if (text == null)
            {
                return;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n')
                {
                    WriteByte((byte)'\r');
                    WriteByte((byte)'\n');
                }
                else if (c == '\r')
                {
                    // A bare CR from a report is dropped: the '\n' above already returns the carriage.
                }
                else
                {
                    WriteByte(c >= ' ' && c < (char)127 ? (byte)c : (byte)'?');
                }
            }
        }

        /// <summary>Queues a bare carriage return (CR without LF): the cursor goes back to the start of the line, so the
        /// line can be rewritten in place (the prompt). <see cref="Write"/> drops a CR inside text on purpose.</summary>
        public void CarriageReturn()
        {
            WriteByte((byte)'\r');
        }

        /// <summary>Queues text and a line end.</summary>
        public void WriteLine(string text)
        {
            Write(text);
            WriteByte((byte)'\r');
            WriteByte((byte)'\n');
        }

        /// <summary>Sends what is queued.</summary>
        public void Flush()
        {
            if (_count > 0)
            {
                _line.Write(_buffer, 0, _count);
                _count = 0;
            }
        }
    }
}
