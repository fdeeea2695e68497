using System.Collections.Generic;
using System.IO;
using Station.Core.Can;
using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>A recorded pack on a <see cref="VirtualCanBus"/>: plays back the frames of a candump log that the pack side
    /// sent (every frame whose source is not the station), at their recorded spacing, starting when the replay starts.
    /// The station's own frames in the log are left out: the live station sends its own. With <see cref="WaitForStation"/>
    /// the playback starts at the first frame the live station sends (its first CHM), as a real pack would.</summary>
    public sealed class CandumpReplay : ISimCanNode
    {
        private readonly VirtualCanBus _bus;
        private readonly List<(long OffsetMs, CanFrame Frame)> _frames = new List<(long, CanFrame)>();
        private long _startMs = -1;
        private readonly int _station;
        private int _next;

        /// <summary>Reads <paramref name="log"/>; lines that are not frames are counted in <see cref="BadLines"/>.</summary>
        public CandumpReplay(VirtualCanBus bus, TextReader log, int stationAddress = 0x56)
        {
            _bus = bus;
            _station = stationAddress;
            long first = -1;
            string line;
            var f = new CanFrame();
            while ((line = log.ReadLine()) != null)
            {
                if (line.Length > 1024 || CandumpLine.TryParse(line, ref f, out long us, out _, out _) != null)
                {
                    if (line.Trim().Length > 0) BadLines++;
                    continue;
                }
                if (f.Extended && (f.Id & 0xFF) == stationAddress) continue;
                if (first < 0) first = us;
                _frames.Add(((us - first) / 1000, f));
            }
            bus.Attach(this, "replay");
        }

        /// <summary>Frames to play.</summary>
        public int Count => _frames.Count;
        /// <summary>Frames played so far.</summary>
        public int Played => _next;
        /// <summary>Lines of the log that were not frames.</summary>
        public int BadLines { get; }
        /// <summary>True when every frame has been played.</summary>
        public bool Finished => _next >= _frames.Count;

        /// <summary>Start playing only when the station sends its first frame.</summary>
        public bool WaitForStation { get; set; }

        /// <inheritdoc />
        public void OnFrame(in CanFrame frame, long nowMs)
        {
            if (_startMs < 0 && WaitForStation && frame.Extended && (frame.Id & 0xFF) == _station) _startMs = nowMs;
        }

        /// <inheritdoc />
        public void Step(long nowMs)
        {
            if (_startMs < 0 && WaitForStation) return;
            if (_startMs < 0) _startMs = nowMs;
            while (_next < _frames.Count && _startMs + _frames[_next].OffsetMs <= nowMs)
            {
                _bus.Send(this, _frames[_next].Frame);
                _next++;
            }
        }
    }
}
