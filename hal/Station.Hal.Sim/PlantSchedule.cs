using System;
using System.Collections.Generic;

namespace Station.Hal.Sim
{
    /// <summary>The faults and events a test or scenario injects into the plant, at a time or when a condition holds;
    /// each runs once, at the start of a plant step, and is logged.</summary>
    public sealed class PlantSchedule
    {
        private readonly List<ScheduledEvent> _events = new List<ScheduledEvent>();
        private readonly SimClock _clock;
        private readonly SimLog _log;

        /// <summary>A schedule on <paramref name="clock"/>, logging to <paramref name="log"/>.</summary>
        public PlantSchedule(SimClock clock, SimLog log)
        {
            _clock = clock;
            _log = log;
        }

        /// <summary>Runs <paramref name="action"/> at the first step at or after simulated time <paramref name="atMs"/>.</summary>
        public void At(long atMs, string description, Action action)
        {
            _events.Add(new ScheduledEvent(atMs, description, action));
        }

        /// <summary>Runs <paramref name="action"/> at the first step where <paramref name="condition"/> holds — e.g.
        /// <c>bay.When(() =&gt; controller.State == SwapState.Unlock, "e-stop in Unlock", () =&gt; bay.EStopPressed = true)</c>
        /// for a fault at a swap step. The condition is checked at the start of each step, before the physics.</summary>
        public void When(Func<bool> condition, string description, Action action)
        {
            if (condition == null) throw new ArgumentNullException(nameof(condition));
            _events.Add(new ScheduledEvent(long.MaxValue, description, action, condition));
        }

        /// <summary>Events scheduled with <see cref="At"/> or <see cref="When"/> that have not run yet.</summary>
        public int Pending => _events.Count;

        /// <summary>Runs every event that is due, in the order scheduled (at the start of a plant step).</summary>
        public void RunDue()
        {
            for (int i = 0; i < _events.Count; i++)
            {
                var e = _events[i];
                bool due = e.Condition != null ? e.Condition() : e.AtMs <= _clock.NowMs;
                if (!due) continue;
                _events.RemoveAt(i--);
                _log.Write(Station.Hal.LogLevel.Info, "plant: injected " + e.Description);
                e.Action();
            }
        }
    }
}
