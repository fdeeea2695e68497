using System;

namespace Station.Hal.Sim
{
    public sealed partial class SimBay
    {
        private bool _movedAtContactSeen;

        /// <summary>Lift drive runaway: +1 up, -1 down, 0 healthy. The drive then runs at full speed whatever its enable
        /// and reference say, as long as the safety relay gives it power and the brake is open.</summary>
        public int LiftRunaway { get => LiftAxis.Runaway; set => LiftAxis.Runaway = value; }

        /// <summary>A brake that does not hold: the unpowered platform sinks at this speed, mm/s (0 = the brake holds).</summary>
        public double BrakeSlipMmS { get => LiftAxis.BrakeSlipMmS; set => LiftAxis.BrakeSlipMmS = value; }

        /// <summary>The positioned (or arriving) vehicle rolls out of the swap position mid-swap: it stays in the bay,
        /// the position sensor drops. Touching its pack while it moves is a hazard (only a barrier or chock prevents it).</summary>
        public void VehicleRollsAway()
        {
            if (Vehicle == null || Vehicle.State == VehicleState.Departing) throw new InvalidOperationException("no vehicle in position to roll away");
            Vehicle.State = VehicleState.Moving;
            CheckMovingVehicle();
            UpdateSensors();
        }

        /// <summary>A vehicle that rolled away comes back to the swap position.</summary>
        public void VehicleRepositions()
        {
            if (Vehicle == null || Vehicle.State != VehicleState.Moving) throw new InvalidOperationException("no vehicle out of position");
            Vehicle.State = VehicleState.Positioned;
            Vehicle.PositionedAtMs = Clock.NowMs;
            _movedAtContactSeen = false;
            UpdateSensors();
        }

        /// <summary>The vehicle in the bay drives off now, unreleased (a driver who does not wait). The usual departure
        /// hazards apply (lift raised, pack not locked).</summary>
        public void VehicleLeavesNow()
        {
            if (Vehicle == null || Vehicle.State == VehicleState.Departing) throw new InvalidOperationException("no vehicle in the bay to leave");
            Leave();
        }

        // A vehicle out of position while the platform touches its pack drags pack and platform apart.
        private void CheckMovingVehicle()
        {
            if (Vehicle == null || Vehicle.State != VehicleState.Moving || _movedAtContactSeen) return;
            if (!AtContact && !(Vehicle.Pack != null && !AllLocksLocked)) return;
            _movedAtContactSeen = true;
            Hazard(AtContact ? "vehicle moved while the lift touched its pack" : "vehicle moved with its pack not fully locked");
        }
    }
}
