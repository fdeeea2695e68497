using System;
using System.Collections.Generic;

namespace Station.Hal.Sim
{
    /// <summary>The car bay's swap position: the vehicle that drives in with its pack, is positioned, hands the pack to
    /// the platform (and takes one back) as the latches allow, and leaves; and the hazards a vehicle causes (driving off
    /// over a raised lift or with its pack not locked, moving while the platform touches it).</summary>
    public sealed class SwapPosition
    {
        private readonly SimBay _bay;
        private bool _movedAtContactSeen;

        /// <summary>The swap position of <paramref name="bay"/>.</summary>
        public SwapPosition(SimBay bay) { _bay = bay; }

        /// <summary>The vehicle in the bay (arriving, positioned or leaving), or null.</summary>
        public SimVehicle Vehicle { get; private set; }

        private readonly List<SimVehicle> _departed = new List<SimVehicle>();

        /// <summary>Vehicles that have left, in order.</summary>
        public IReadOnlyList<SimVehicle> Departed => _departed;

        /// <summary>A vehicle drives in with a pack of its own (serial <paramref name="packSerial"/>, default "V-" + id).
        /// It is positioned after <see cref="PlantParameters.VehicleArriveMs"/>. Its pack arrives locked.</summary>
        public SimVehicle Arrive(string id, string packSerial = null, double socPct = -1)
        {
            if (Vehicle != null) throw new InvalidOperationException("a vehicle is already in the bay");
            if (!_bay.LiftAligned) _bay.Hazard("vehicle drove in over a raised lift");
            var pack = new SimPack(packSerial ?? "V-" + id, socPct < 0 ? _bay.Parameters.VehiclePackSocPct : socPct, _bay.Parameters.PackType);
            pack.Place = SimPackPlace.Vehicle;
            _bay.Register(pack);
            Vehicle = new SimVehicle(id, pack) { ArrivedWith = pack, State = VehicleState.Arriving, RemainingMs = _bay.Parameters.VehicleArriveMs };
            _bay.LockSet.LockAll();
            if (_bay.Parameters.VehicleArriveMs == 0) { Vehicle.State = VehicleState.Positioned; Vehicle.PositionedAtMs = _bay.Clock.NowMs; }
            _bay.UpdateSensors();
            return Vehicle;
        }

        /// <summary>The positioned vehicle drives off (the station released it). Hazards are recorded when the lift is
        /// not home, the pack is not fully locked or the vehicle has no pack.</summary>
        public void Depart()
        {
            if (Vehicle == null || Vehicle.State != VehicleState.Positioned)
                throw new InvalidOperationException("no positioned vehicle to leave");
            Leave();
        }

        private void Leave()
        {
            if (!_bay.LiftAligned) _bay.Hazard("vehicle drove off with the lift raised");
            if (Vehicle.Pack == null) _bay.Hazard("vehicle drove off without a pack");
            else if (!_bay.AllLocksLocked) _bay.Hazard("vehicle drove off with its pack not fully locked");
            Vehicle.State = VehicleState.Departing;
            Vehicle.DepartedAtMs = _bay.Clock.NowMs;
            Vehicle.RemainingMs = _bay.Parameters.VehicleDepartMs;
            _bay.UpdateSensors();
        }

        /// <summary>Advances an arriving or departing vehicle by <paramref name="ms"/>.</summary>
        public void Step(int ms)
        {
            if (Vehicle == null) return;
            if (Vehicle.State == VehicleState.Arriving)
            {
                Vehicle.RemainingMs -= ms;
                if (Vehicle.RemainingMs <= 0) { Vehicle.State = VehicleState.Positioned; Vehicle.PositionedAtMs = _bay.Clock.NowMs; }
            }
            else if (Vehicle.State == VehicleState.Departing)
            {
                Vehicle.RemainingMs -= ms;
                if (Vehicle.RemainingMs <= 0)
                {
                    if (Vehicle.Pack != null) Vehicle.Pack.Place = SimPackPlace.Departed;
                    Vehicle.State = VehicleState.Absent;
                    _departed.Add(Vehicle);
                    Vehicle = null;
                }
            }
        }

        /// <summary>The positioned (or arriving) vehicle rolls out of the swap position mid-swap: it stays in the bay,
        /// the position sensor drops. Touching its pack while it moves is a hazard (only a barrier or chock prevents it).</summary>
        public void RollAway()
        {
            if (Vehicle == null || Vehicle.State == VehicleState.Departing) throw new InvalidOperationException("no vehicle in position to roll away");
            Vehicle.State = VehicleState.Moving;
            CheckMoving();
            _bay.UpdateSensors();
        }

        /// <summary>A vehicle that rolled away comes back to the swap position.</summary>
        public void Reposition()
        {
            if (Vehicle == null || Vehicle.State != VehicleState.Moving) throw new InvalidOperationException("no vehicle out of position");
            Vehicle.State = VehicleState.Positioned;
            Vehicle.PositionedAtMs = _bay.Clock.NowMs;
            _movedAtContactSeen = false;
            _bay.UpdateSensors();
        }

        /// <summary>The vehicle in the bay drives off now, unreleased (a driver who does not wait). The usual departure
        /// hazards apply (lift raised, pack not locked).</summary>
        public void LeaveNow()
        {
            if (Vehicle == null || Vehicle.State == VehicleState.Departing) throw new InvalidOperationException("no vehicle in the bay to leave");
            Leave();
        }

        // A vehicle out of position while the platform touches its pack drags pack and platform apart.
        /// <summary>Records the hazard of a vehicle moving while the platform touches its pack or it is not fully locked.</summary>
        public void CheckMoving()
        {
            if (Vehicle == null || Vehicle.State != VehicleState.Moving || _movedAtContactSeen) return;
            if (!_bay.AtContact && !(Vehicle.Pack != null && !_bay.AllLocksLocked)) return;
            _movedAtContactSeen = true;
            _bay.Hazard(_bay.AtContact ? "vehicle moved while the lift touched its pack" : "vehicle moved with its pack not fully locked");
        }
        // Hand-over of the pack between vehicle and platform: the vehicle holds its pack while any latch is not fully
        // open; with every latch open the pack rests on the platform, or falls when the platform is not under it.
        /// <summary>Hands the pack between vehicle and platform as the latches and the platform allow.</summary>
        public void ExchangePack()
        {
            if (Vehicle == null) return;
            bool held = !_bay.AllLocksUnlocked;
            SimPack platform = _bay.PackOnPlatform;
            if (Vehicle.Pack != null && !held)
            {
                SimPack pack = Vehicle.Pack;
                Vehicle.Pack = null;
                if (_bay.AtContact && platform == null) pack.Place = SimPackPlace.Lift;
                else
                {
                    pack.Place = SimPackPlace.Dropped;
                    _bay.Hazard($"pack {pack.Serial} fell: every lock opened with no free platform under it");
                }
            }
            else if (Vehicle.Pack == null && platform != null && _bay.AtContact && held)
            {
                Vehicle.Pack = platform;
                platform.Place = SimPackPlace.Vehicle;
            }
        }
    }
}
