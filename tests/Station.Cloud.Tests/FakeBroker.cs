using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Station.Cloud.Tests
{
    /// <summary>A scripted broker for what a real one never does: malformed bytes, withheld acknowledgements.
    /// Each accepted connection is handed to the script in turn.</summary>
    public sealed class FakeBroker : IDisposable
    {
        readonly TcpListener _listener;
        readonly CancellationTokenSource _cts = new CancellationTokenSource();
        readonly Task _accept;
        /// <summary>Errors thrown by scripts (a failed expectation shows here).</summary>
        public readonly ConcurrentQueue<string> Errors = new ConcurrentQueue<string>();
        int _connections;

        /// <summary>Port it listens on.</summary>
        public int Port { get; }
        /// <summary>Connections accepted so far.</summary>
        public int Connections => Volatile.Read(ref _connections);

        /// <summary>Starts listening; <paramref name="script"/> gets (connection number from 1, stream) per client.</summary>
        public FakeBroker(Action<int, NetworkStream> script)
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _accept = Task.Run(async () =>
            {
                while (!_cts.IsCancellationRequested)
                {
                    TcpClient c;
                    try { c = await _listener.AcceptTcpClientAsync(_cts.Token); }
                    catch (Exception) { return; }
                    int n = Interlocked.Increment(ref _connections);
                    _ = Task.Run(() =>
                    {
                        using (c)
                        {
                            try { c.ReceiveTimeout = 10000; script(n, c.GetStream()); }
                            catch (Exception e) when (e is IOException || e is ObjectDisposedException) { }
                            catch (Exception e) { Errors.Enqueue(e.ToString()); }
                        }
                    });
                }
            });
        }

        /// <summary>Reads one whole MQTT packet: returns (first byte, body).</summary>
        public static (byte first, byte[] body) ReadPacket(Stream s)
        {
            int first = s.ReadByte();
            if (first < 0) throw new IOException("closed");
            int len = 0, mul = 1;
            while (true)
            {
                int d = s.ReadByte();
                if (d < 0) throw new IOException("closed");
                len += (d & 0x7F) * mul;
                mul *= 128;
                if ((d & 0x80) == 0) break;
            }
            var body = new byte[len];
            int off = 0;
            while (off < len)
            {
                int n = s.Read(body, off, len - off);
                if (n <= 0) throw new IOException("closed");
                off += n;
            }
            return ((byte)first, body);
        }

        /// <summary>Reads the CONNECT and answers CONNACK with the given session-present flag.</summary>
        public static byte[] Accept(Stream s, bool sessionPresent = false)
        {
            var (first, body) = ReadPacket(s);
            if (first >> 4 != 1) throw new InvalidOperationException("expected CONNECT, got " + first);
            s.Write(new byte[] { 0x20, 2, (byte)(sessionPresent ? 1 : 0), 0 });
            return body;
        }

        /// <summary>Sends raw bytes.</summary>
        public static void Send(Stream s, params byte[] bytes) => s.Write(bytes, 0, bytes.Length);

        /// <summary>Answers every packet as a tolerant broker would (PUBACK, SUBACK, PINGRESP) until the client goes.</summary>
        public static void Serve(Stream s)
        {
            while (true)
            {
                var (first, body) = ReadPacket(s);
                int type = first >> 4;
                if (type == 3 && ((first >> 1) & 3) == 1)
                {
                    int tl = (body[0] << 8) | body[1];
                    Send(s, 0x40, 2, body[2 + tl], body[3 + tl]);
                }
                else if (type == 8) Send(s, 0x90, 3, body[0], body[1], 1);
                else if (type == 12) Send(s, 0xD0, 0);
                else if (type == 14) return;
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _cts.Cancel();
            _listener.Stop();
            try { _accept.Wait(2000); } catch (AggregateException) { }
        }
    }
}
