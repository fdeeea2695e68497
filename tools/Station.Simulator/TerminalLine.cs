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
        private readonly Thread _writer;
        private readonly BlockingCollection<byte[]> _outgoing = new BlockingCollection<byte[]>(256);
        private int _unwritten; // chunks queued or being written: Drain waits for this, not for the queue, to empty

        /// <summary>A line reading <paramref name="input"/> and writing <paramref name="output"/>.</summary>
        public TerminalLine(Stream input, Stream output)
        {
            _in = input;
            _out = output;
            _reader = new Thread(ReadLoop) { IsBackground = true, Name = "console input" };
            _reader.Start();
            _writer = new Thread(WriteLoop) { IsBackground = true, Name = "console output" };
            _writer.Start();
        }

        /// <summary>Chunks dropped because the terminal did not take them (nobody attached to a pty).</summary>
        public int Dropped { get; private set; }

        /// <summary>True once the input has ended (end of file, or the terminal went away).</summary>
        public bool Ended { get; private set; }

        /// <summary>Takes the bytes received so far.</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _received.TryDequeue(out byte b)) buffer[offset + n++] = b;
            return n;
        }

        /// <summary>Queues bytes for the terminal. Never blocks the control loop: a writer thread sends them, and when
        /// the terminal does not take them (a pty nobody reads) the queue fills and further output is dropped, as a
        /// UART's output with no cable.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            var chunk = new byte[count];
            Array.Copy(buffer, offset, chunk, 0, count);
            Interlocked.Increment(ref _unwritten);
            if (!_outgoing.TryAdd(chunk))
            {
                Interlocked.Decrement(ref _unwritten);
                Dropped++;
            }
        }

        private void WriteLoop()
        {
            try
            {
                foreach (byte[] chunk in _outgoing.GetConsumingEnumerable())
                {
                    try
                    {
                        _out.Write(chunk, 0, chunk.Length);
                        _out.Flush();
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _unwritten);
                    }
                }
            }
            catch (IOException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        }

        /// <summary>Waits up to <paramref name="ms"/> for the queued output to be written, the chunk the writer thread
        /// holds included (on a loaded machine the last reply would otherwise die with the process).</summary>
        public void Drain(int ms)
        {
            var deadline = DateTime.UtcNow.AddMilliseconds(ms);
            while (Volatile.Read(ref _unwritten) > 0 && DateTime.UtcNow < deadline) Thread.Sleep(5);
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
