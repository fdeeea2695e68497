using System.Collections.Generic;

namespace Station.Simulator
{
    /// <summary>What every actuator and interlock did over a run, recorded tick by tick as bars that open and close on
    /// changes, plus marks for faults and injected events. <see cref="TimelineSvg"/> draws it.</summary>
    public sealed class Timeline
    {
        private readonly List<TimelineRow> _rows = new List<TimelineRow>();

        /// <summary>Rows in drawing order.</summary>
        public IReadOnlyList<TimelineRow> Rows => _rows;
        /// <summary>Marks in time order.</summary>
        public List<TimelineMark> Marks { get; } = new List<TimelineMark>();
        /// <summary>Swap windows: (swap number, start ms, end ms or -1 while running).</summary>
        public List<(int Swap, long StartMs, long EndMs)> Swaps { get; } = new List<(int, long, long)>();

        /// <summary>The row called <paramref name="name"/>, created in <paramref name="group"/> when new.</summary>
        public TimelineRow Row(string name, string group)
        {
            foreach (var r in _rows) if (r.Name == name) return r;
            var row = new TimelineRow(name, group);
            _rows.Add(row);
            return row;
        }

        /// <summary>Inserts a new row at <paramref name="index"/> (for rows added after the run, like the model's critical path).</summary>
        public TimelineRow InsertRow(int index, string name, string group)
        {
            var row = new TimelineRow(name, group);
            _rows.Insert(System.Math.Clamp(index, 0, _rows.Count), row);
            return row;
        }

        /// <summary>Ends swap <paramref name="swap"/>'s window at <paramref name="nowMs"/> (the vehicle has left, or the run ended).</summary>
        public void EndSwap(int swap, long nowMs)
        {
            for (int i = 0; i < Swaps.Count; i++)
                if (Swaps[i].Swap == swap && Swaps[i].EndMs < 0) Swaps[i] = (swap, Swaps[i].StartMs, nowMs);
        }

        /// <summary>Adds a mark.</summary>
        public void Mark(long atMs, string label, string kind) => Marks.Add(new TimelineMark(atMs, label, kind));

        /// <summary>Closes every open bar at the end of the run.</summary>
        public void Close(long nowMs)
        {
            foreach (var r in _rows) r.Close(nowMs);
        }
    }
}
