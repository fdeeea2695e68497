using System;
using System.Collections.Generic;

namespace Station.Simulator
{
    /// <summary>When a scenario's events fire: each event is armed by the one before it, then waits for its absolute
    /// time (at_s), for its swap step (at_step, optionally of one swap) or for nothing, plus its after_ms. Shared by
    /// both bays' runs, which say what the controller is doing and carry out the event.</summary>
    public sealed class ScenarioSchedule
    {
        private readonly List<ScenarioEvent> _events;
        private int _next;
        private long _armedAtMs;
        private long _dueMs = -1;
        private long _stepEnteredMs;

        /// <summary>A schedule of <paramref name="events"/> (null: none).</summary>
        public ScenarioSchedule(List<ScenarioEvent> events) { _events = events ?? new List<ScenarioEvent>(); }

        /// <summary>Events that have not fired yet.</summary>
        public int Pending => _events.Count - _next;

        /// <summary>The controller entered a new state at <paramref name="nowMs"/> (at_step counts from here).</summary>
        public void StepEntered(long nowMs) { _stepEnteredMs = nowMs; }

        /// <summary>Fires, through <paramref name="fire"/>, every event due at <paramref name="nowMs"/>, given the state the
        /// controller is in (<paramref name="stateName"/>, null while the power is off) and the swap under way (0: none).</summary>
        public void Run(long nowMs, string stateName, int swapNumber, Action<ScenarioEvent> fire)
        {
            while (_next < _events.Count)
            {
                var e = _events[_next];
                if (_dueMs < 0)
                {
                    long? due = null;
                    if (e.AtSeconds != null) due = Math.Max((long)(e.AtSeconds.Value * 1000), _armedAtMs) + e.AfterMs;
                    else if (e.AtStep != null)
                    {
                        bool inStep = stateName == e.AtStep && (e.Swap == 0 || swapNumber == e.Swap);
                        if (inStep) due = Math.Max(_stepEnteredMs, _armedAtMs) + e.AfterMs;
                    }
                    else due = _armedAtMs + e.AfterMs;
                    if (due == null) return;
                    _dueMs = due.Value;
                }
                if (nowMs < _dueMs) return;
                fire(e);
                _next++;
                _armedAtMs = nowMs;
                _dueMs = -1;
            }
        }
    }
}
