using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using Station.Hal;

namespace Station.Simulator
{
    /// <summary>The console's serial line on a byte stream pair (the simulator's own terminal, or a pseudo-terminal's
    /// master side). A background thread reads, so <see cref="Read"/> never blocks, as on a UART.</summary>
    public sealed class TerminalLine : ISerialLine, IDisposable
    {
        private readonly Stream _in;
        private readonly Stream _out;
        private readonly ConcurrentQueue<byte> _received = new ConcurrentQueue<byte>();
        private readonly Thread _reader;

        /// <summary>A line reading <paramref name="input"/> and writing <paramref name="output"/>.</summary>
        public TerminalLine(Stream input, Stream output)
        {
            _in = input;
            _out = output;
            _reader = new Thread(ReadLoop) { IsBackground = true, Name = "console input" };
            _reader.Start();
        }

        /// <summary>True once the input has ended (end of file, or the terminal went away).</summary>
        public bool Ended { get; private set; }

        /// <summary>Takes the bytes received so far.</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _received.TryDequeue(out byte b)) buffer[offset + n++] = b;
            return n;
        }

        /// <summary>Sends bytes to the terminal.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _out.Write(buffer, offset, count);
                _out.Flush();
            }
            catch (IOException)
            {
                // Nobody attached (a pty with no reader): the bytes go where a UART's go with no cable.
            }
        }

        private void ReadLoop()
        {
            var buffer = new byte[256];
            try
            {
                while (true)
                {
                    int n = _in.Read(buffer, 0, buffer.Length);
                    if (n <= 0) break;
                    for (int i = 0; i < n; i++) _received.Enqueue(buffer[i]);
                }
            }
            catch (IOException)
            {
            }
            catch (ObjectDisposedException)
            {
            }

            Ended = true;
        }

        /// <summary>Closes the streams.</summary>
        public void Dispose()
        {
            _in.Dispose();
            _out.Dispose();
        }
    }
}
