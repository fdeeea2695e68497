using System;
using System.Collections.Generic;

namespace Station.Hal.Sim
{
    /// <summary>The car bay's conveyor line, feed → staging → lift → return, and the packs riding it: the staging
    /// conveyor brings the rack's pack to the staging point, each transfer run moves every pack standing at a station one
    /// station on, and a pack crossing the platform's edge while the lift is away from transfer height falls.</summary>
    public sealed class ConveyorLine
    {
        private readonly SimBay _bay;

        /// <summary>The line of <paramref name="bay"/>.</summary>
        public ConveyorLine(SimBay bay) { _bay = bay; }

        private bool _transferWasRunning;
        private int _transferStillMs;
        private readonly List<SimPack> _onConveyor = new List<SimPack>();

        /// <summary>Conveyor line coordinate of the rack feed point, mm (the line runs feed → staging → lift → return).</summary>
        public double FeedPointMm => 0;
        /// <summary>Coordinate of the staging point (end of the staging conveyor, start of the transfer conveyor), mm.</summary>
        public double StagingPointMm => _bay.Parameters.StagingLengthMm;
        /// <summary>Coordinate of the lift centre, mm.</summary>
        public double LiftPointMm => _bay.Parameters.StagingLengthMm + _bay.Parameters.TransferPitchMm;
        /// <summary>Coordinate of the rack return point, mm.</summary>
        public double ReturnPointMm => _bay.Parameters.StagingLengthMm + 2 * _bay.Parameters.TransferPitchMm;

        /// <summary>True while the staging conveyor turns (commanded and powered).</summary>
        public bool StagingRunning => _bay.StagingDrive.Turning(!_bay.PowerIsOff && _bay.SafetyRelayEnergised);
        /// <summary>True while the transfer conveyor turns (commanded and powered).</summary>
        public bool TransferRunning => _bay.TransferDrive.Turning(!_bay.PowerIsOff && _bay.SafetyRelayEnergised);

        /// <summary>Packs on the conveyor line, front (highest coordinate) first.</summary>
        public IReadOnlyList<SimPack> PacksOnConveyor
        {
            get
            {
                CollectConveyorPacks();
                return _onConveyor.ToArray();
            }
        }

        /// <summary>Puts a pack at the staging point (test set-up).</summary>
        public void PlaceAtStaging(SimPack pack)
        {
            _bay.Register(pack);
            pack.Place = SimPackPlace.Conveyor;
            pack.Slot = -1;
            pack.TrackMm = pack.TargetMm = StagingPointMm;
            _bay.UpdateSensors();
        }

        /// <summary>Puts a pack on the lift platform (test set-up).</summary>
        public void PlaceOnPlatform(SimPack pack)
        {
            if (_bay.PackOnPlatform != null) throw new InvalidOperationException("the platform already holds a pack");
            _bay.Register(pack);
            pack.Place = SimPackPlace.Lift;
            pack.Slot = -1;
            _bay.UpdateSensors();
        }

        /// <summary>A technician's hands after a transfer stopped part-way: every pack on the transfer conveyor is pushed
        /// on to where its run was taking it (fully onto the platform or to the return point).</summary>
        public void FinishTransferByHand()
        {
            CollectConveyorPacks();
            foreach (var q in _onConveyor)
            {
                if (q.TargetMm <= StagingPointMm + 0.5) continue;
                q.TrackMm = q.TargetMm;
                if (q.TargetMm == LiftPointMm && _bay.PackOnPlatform == null) q.Place = SimPackPlace.Lift;
            }
            _bay.UpdateSensors();
        }

        /// <summary>The rack handler sets <paramref name="pack"/> on the feed point, unless a pack still stands there.</summary>
        public bool TryPlaceAtFeedPoint(SimPack pack)
        {
            CollectConveyorPacks();
            foreach (var q in _onConveyor) if (q.TrackMm < _bay.Parameters.PackLengthMm) return false;
            pack.Place = SimPackPlace.Conveyor;
            pack.TrackMm = FeedPointMm;
            pack.TargetMm = StagingPointMm;
            return true;
        }

        /// <summary>The pack at the return point once the transfer has stood still long enough for the handler, or null.</summary>
        public SimPack TakeSettledReturnPack()
        {
            if (_transferStillMs < _bay.Parameters.HandlerSettleMs) return null;
            SimPack p = PackStandingAt(ReturnPointMm);
            if (p == null || p.TargetMm != ReturnPointMm) return null;
            return p;
        }

        /// <summary>Advances both conveyors and the packs on them by <paramref name="ms"/>.</summary>
        public void Step(int ms)
        {
            double dt = ms / 1000.0;
            bool staging = StagingRunning, transfer = TransferRunning;
            if (transfer) _transferStillMs = 0; else _transferStillMs += ms;

            double w = _bay.Parameters.PackSensorWindowMm;
            if (transfer && !_transferWasRunning)
            {
                // Each run moves every pack that stands at a station one station on: staging → lift → return.
                // (The lift's centring stop holds an incoming pack and drops away for the next run.) A pack "stands at"
                // a station when its sensor sees it: the core stops a conveyor on the sensor, short of the end stop.
                CollectConveyorPacks();
                foreach (var q in _onConveyor)
                    if (Math.Abs(q.TrackMm - StagingPointMm) <= w && q.TargetMm <= StagingPointMm + 0.5) q.TargetMm = LiftPointMm;
                SimPack platform = _bay.PackOnPlatform;
                if (platform != null && _bay.LiftAligned)
                {
                    platform.Place = SimPackPlace.Conveyor;
                    platform.TrackMm = LiftPointMm;
                    platform.TargetMm = ReturnPointMm;
                }
            }
            _transferWasRunning = transfer;

            CollectConveyorPacks();
            double front = double.PositiveInfinity;
            foreach (var q in _onConveyor)
            {
                // A pack bound for the staging point rides the staging conveyor; beyond it, the transfer conveyor.
                bool onStaging = q.TargetMm <= StagingPointMm + 0.5;
                double limit = Math.Min(q.TargetMm, front - _bay.Parameters.PackLengthMm);
                bool moving = onStaging ? staging : transfer;
                double speed = onStaging ? _bay.Parameters.StagingSpeedMmS : _bay.Parameters.TransferSpeedMmS;
                if (moving && q.TrackMm < limit) q.TrackMm = Math.Min(limit, q.TrackMm + speed * dt);

                bool crossingLift = q.TrackMm > StagingPointMm + w && q.TrackMm < ReturnPointMm - w && Math.Abs(q.TrackMm - LiftPointMm) > w;
                if (crossingLift && !_bay.LiftAligned)
                {
                    q.Place = SimPackPlace.Dropped;
                    _bay.Hazard($"pack {q.Serial} fell into the lift pit: it was crossing the platform edge with the lift away from transfer height");
                    continue;
                }
                if (Math.Abs(q.TrackMm - LiftPointMm) <= w && q.TargetMm == LiftPointMm)
                {
                    if (_bay.PackOnPlatform != null) _bay.Hazard($"pack {q.Serial} pushed onto a platform that already holds a pack");
                    q.Place = SimPackPlace.Lift; // inside the platform's guides: it rides the lift from now on
                }
                front = q.TrackMm;
            }
        }

        /// <summary>The pack standing at conveyor coordinate <paramref name="mm"/> (within the sensor window), or null.</summary>
        public SimPack PackStandingAt(double mm)
        {
            foreach (var p in _bay.Packs)
                if (p.Place == SimPackPlace.Conveyor && Math.Abs(p.TrackMm - mm) <= _bay.Parameters.PackSensorWindowMm) return p;
            return null;
        }

        private void CollectConveyorPacks()
        {
            _onConveyor.Clear();
            foreach (var p in _bay.Packs) if (p.Place == SimPackPlace.Conveyor) _onConveyor.Add(p);
            _onConveyor.Sort((a, b) => b.TrackMm.CompareTo(a.TrackMm));
        }
    }
}
