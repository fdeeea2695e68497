using System;
using System.Collections.Generic;

namespace Station.Hal.Sim
{
    public sealed partial class SimBay
    {
        private readonly List<ScheduledEvent> _scheduled = new List<ScheduledEvent>();

        /// <summary>The e-stop is pressed (the safety relay drops; EStopReleased reads false).</summary>
        public bool EStopPressed { get => SafetyChain.EStopPressed; set => SafetyChain.EStopPressed = value; }
        /// <summary>Someone or something is in the light curtain (the safety relay drops).</summary>
        public bool LightCurtainBroken { get => SafetyChain.LightCurtainBroken; set => SafetyChain.LightCurtainBroken = value; }
        /// <summary>A bay door is open (the safety relay drops).</summary>
        public bool DoorsOpen { get => SafetyChain.DoorsOpen; set => SafetyChain.DoorsOpen = value; }
        /// <summary>The safety relay will not energise (coil or contact failure).</summary>
        public bool SafetyRelayFailed { get => SafetyChain.RelayFailed; set => SafetyChain.RelayFailed = value; }
        /// <summary>Position at which the lift jams (NaN = none).</summary>
        public double JamAtMm => LiftAxis.JamAtMm;
        /// <summary>True once the lift has reached the jam position and is stuck there.</summary>
        public bool LiftJammed => LiftAxis.Jammed;

        /// <summary>The lift will jam when it reaches <paramref name="mm"/> (an obstruction, a seized guide): the drive
        /// keeps pushing but the encoder stops.</summary>
        public void StallLiftAt(double mm)
        {
            LiftAxis.JamAt(mm);
        }

        /// <summary>Removes the obstruction.</summary>
        public void ClearLiftStall()
        {
            LiftAxis.ClearJam();
        }

        /// <summary>Lock <paramref name="index"/> jams part-way (at <see cref="PlantParameters.LockJamFraction"/>) when engaging:
        /// neither sensor is made.</summary>
        public void FailLockEngage(int index, bool fails = true)
        {
            LockSet.FailEngage(index, fails);
        }

        /// <summary>Supply lost: every output drops, the brake falls in, the safety relay opens. When
        /// <paramref name="tearLastAppend"/> is set and a journal append happened in this very tick (the write was in
        /// progress when the supply failed), that append is cut short; an append from an earlier tick is already on the
        /// medium and cannot be torn. Returns true when an append was torn.</summary>
        public bool PowerLoss(bool tearLastAppend = false)
        {
            bool torn = false;
            PowerIsOff = true;
            foreach (var o in _outputs) o.PowerOff();
            LiftDrive.PowerOff();
            SafetyChain.PowerOff();
            if (tearLastAppend && (Storage.LastAppendMs < 0 || Storage.LastAppendMs == Clock.NowMs)) torn = Storage.TearLastAppend();
            UpdateSensors();
            Log.Write(Station.Hal.LogLevel.Warning, torn ? "plant: POWER LOST during a journal write (torn)" : "plant: POWER LOST");
            return torn;
        }

        /// <summary>Supply back: the incremental encoder restarts counting from zero where the lift stands.</summary>
        public void PowerRestore()
        {
            PowerIsOff = false;
            Encoder.ZeroHere();
            EncoderPath.Restart();
            UpdateSensors();
            Log.Write(Station.Hal.LogLevel.Info, "plant: power restored");
        }

        /// <summary>Runs <paramref name="action"/> at the first step at or after simulated time <paramref name="atMs"/>.</summary>
        public void At(long atMs, string description, Action action)
        {
            _scheduled.Add(new ScheduledEvent(atMs, description, action));
        }

        /// <summary>Runs <paramref name="action"/> at the first step where <paramref name="condition"/> holds — e.g.
        /// <c>bay.When(() =&gt; controller.State == SwapState.Unlock, "e-stop in Unlock", () =&gt; bay.EStopPressed = true)</c>
        /// for a fault at a swap step. The condition is checked at the start of each step, before the physics.</summary>
        public void When(Func<bool> condition, string description, Action action)
        {
            if (condition == null) throw new ArgumentNullException(nameof(condition));
            _scheduled.Add(new ScheduledEvent(long.MaxValue, description, action, condition));
        }

        /// <summary>Events scheduled with <see cref="At"/> or <see cref="When"/> that have not run yet.</summary>
        public int PendingEvents => _scheduled.Count;

        private void RunScheduled()
        {
            for (int i = 0; i < _scheduled.Count; i++)
            {
                var e = _scheduled[i];
                bool due = e.Condition != null ? e.Condition() : e.AtMs <= Clock.NowMs;
                if (!due) continue;
                _scheduled.RemoveAt(i--);
                Log.Write(Station.Hal.LogLevel.Info, "plant: injected " + e.Description);
                e.Action();
            }
        }

        private sealed record ScheduledEvent(long AtMs, string Description, Action Action, Func<bool> Condition = null);
    }
}
