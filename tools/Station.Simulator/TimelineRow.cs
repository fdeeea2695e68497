using System.Collections.Generic;

namespace Station.Simulator
{
    /// <summary>One row of the timeline (an actuator, an interlock or the sequencer) and its bars.</summary>
    public sealed class TimelineRow
    {
        private string _openLabel;
        private string _openKind;
        private long _openStart;

        /// <summary>A row called <paramref name="name"/> in <paramref name="group"/> ("sequencer", "actuator", "interlock").</summary>
        public TimelineRow(string name, string group)
        {
            Name = name;
            Group = group;
        }

        /// <summary>Row name as drawn.</summary>
        public string Name { get; }
        /// <summary>Row group.</summary>
        public string Group { get; }
        /// <summary>Closed bars, in time order.</summary>
        public List<TimelineBar> Bars { get; } = new List<TimelineBar>();

        /// <summary>Sets what the row shows from <paramref name="nowMs"/> on (null = nothing).</summary>
        public void Set(long nowMs, string label, string kind)
        {
            if (label == _openLabel && kind == _openKind) return;
            Close(nowMs);
            _openLabel = label;
            _openKind = kind;
            _openStart = nowMs;
        }

        /// <summary>Ends the open bar at <paramref name="nowMs"/>.</summary>
        public void Close(long nowMs)
        {
            if (_openLabel != null && nowMs > _openStart) Bars.Add(new TimelineBar(_openStart, nowMs, _openLabel, _openKind));
            _openLabel = null;
            _openKind = null;
        }
    }
}
