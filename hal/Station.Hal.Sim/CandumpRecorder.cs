using System;
using System.IO;
using System.Text;
using Station.Core.Can;
using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>Writes every frame of a <see cref="VirtualCanBus"/> as a can-utils <c>candump -l</c> line, timestamped with
    /// the simulated clock's UTC time, so the simulator's CAN traffic can be read by candump tools, python-can and
    /// Station.CanTool.</summary>
    public sealed class CandumpRecorder : IDisposable
    {
        private readonly VirtualCanBus _bus;
        private readonly TextWriter _out;
        private readonly string _iface;
        private readonly long _epochMicros;
        private readonly StringBuilder _sb = new StringBuilder(64);

        /// <summary>Starts recording <paramref name="bus"/> into <paramref name="output"/> as interface <paramref name="iface"/>.</summary>
        public CandumpRecorder(VirtualCanBus bus, TextWriter output, string iface = "can0", DateTime? epochUtc = null)
        {
            _bus = bus;
            _out = output;
            _iface = iface;
            DateTime epoch = epochUtc ?? (bus.Clock.UtcNow.AddMilliseconds(-bus.Clock.NowMs));
            _epochMicros = (epoch.ToUniversalTime() - DateTime.UnixEpoch).Ticks / 10;
            bus.FrameSent += OnFrame;
        }

        /// <summary>Lines written.</summary>
        public long Lines { get; private set; }

        private void OnFrame(long nowMs, in CanFrame frame, string sender)
        {
            _sb.Clear();
            CanFrame f = frame;
            CandumpLine.Append(_sb, _epochMicros + nowMs * 1000, _iface, ref f);
            _out.WriteLine(_sb.ToString());
            Lines++;
        }

        /// <summary>Stops recording and flushes.</summary>
        public void Dispose()
        {
            _bus.FrameSent -= OnFrame;
            _out.Flush();
        }
    }
}
