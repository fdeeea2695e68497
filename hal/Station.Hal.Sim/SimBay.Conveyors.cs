using System;
using System.Collections.Generic;

namespace Station.Hal.Sim
{
    public sealed partial class SimBay
    {
        private bool _transferWasRunning;
        private int _transferStillMs;
        private readonly List<SimPack> _onConveyor = new List<SimPack>();

        /// <summary>Conveyor line coordinate of the rack feed point, mm (the line runs feed → staging → lift → return).</summary>
        public double FeedPointMm => 0;
        /// <summary>Coordinate of the staging point (end of the staging conveyor, start of the transfer conveyor), mm.</summary>
        public double StagingPointMm => Parameters.StagingLengthMm;
        /// <summary>Coordinate of the lift centre, mm.</summary>
        public double LiftPointMm => Parameters.StagingLengthMm + Parameters.TransferPitchMm;
        /// <summary>Coordinate of the rack return point, mm.</summary>
        public double ReturnPointMm => Parameters.StagingLengthMm + 2 * Parameters.TransferPitchMm;

        /// <summary>True while the staging conveyor turns (commanded and powered).</summary>
        public bool StagingRunning => StagingDrive.Turning(!PowerIsOff && SafetyRelayEnergised);
        /// <summary>True while the transfer conveyor turns (commanded and powered).</summary>
        public bool TransferRunning => TransferDrive.Turning(!PowerIsOff && SafetyRelayEnergised);

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
            Register(pack);
            pack.Place = SimPackPlace.Conveyor;
            pack.Slot = -1;
            pack.TrackMm = pack.TargetMm = StagingPointMm;
            UpdateSensors();
        }

        /// <summary>Puts a pack on the lift platform (test set-up).</summary>
        public void PlaceOnPlatform(SimPack pack)
        {
            if (PackOnPlatform != null) throw new InvalidOperationException("the platform already holds a pack");
            Register(pack);
            pack.Place = SimPackPlace.Lift;
            pack.Slot = -1;
            UpdateSensors();
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
                if (q.TargetMm == LiftPointMm && PackOnPlatform == null) q.Place = SimPackPlace.Lift;
            }
            UpdateSensors();
        }

        /// <summary>The pack standing at conveyor coordinate <paramref name="mm"/> (within the sensor window), or null.</summary>
        public SimPack PackStandingAt(double mm) => PackNear(mm);

        internal bool TryPlaceAtFeedPoint(SimPack pack)
        {
            CollectConveyorPacks();
            foreach (var q in _onConveyor) if (q.TrackMm < Parameters.PackLengthMm) return false;
            pack.Place = SimPackPlace.Conveyor;
            pack.TrackMm = FeedPointMm;
            pack.TargetMm = StagingPointMm;
            return true;
        }

        internal SimPack TakeSettledReturnPack()
        {
            if (_transferStillMs < Parameters.HandlerSettleMs) return null;
            SimPack p = PackNear(ReturnPointMm);
            if (p == null || p.TargetMm != ReturnPointMm) return null;
            return p;
        }

        private void StepConveyors(int ms)
        {
            double dt = ms / 1000.0;
            bool staging = StagingRunning, transfer = TransferRunning;
            if (transfer) _transferStillMs = 0; else _transferStillMs += ms;

            double w = Parameters.PackSensorWindowMm;
            if (transfer && !_transferWasRunning)
            {
                // Each run moves every pack that stands at a station one station on: staging → lift → return.
                // (The lift's centring stop holds an incoming pack and drops away for the next run.) A pack "stands at"
                // a station when its sensor sees it: the core stops a conveyor on the sensor, short of the end stop.
                CollectConveyorPacks();
                foreach (var q in _onConveyor)
                    if (Math.Abs(q.TrackMm - StagingPointMm) <= w && q.TargetMm <= StagingPointMm + 0.5) q.TargetMm = LiftPointMm;
                SimPack platform = PackOnPlatform;
                if (platform != null && LiftAligned)
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
                double limit = Math.Min(q.TargetMm, front - Parameters.PackLengthMm);
                bool moving = onStaging ? staging : transfer;
                double speed = onStaging ? Parameters.StagingSpeedMmS : Parameters.TransferSpeedMmS;
                if (moving && q.TrackMm < limit) q.TrackMm = Math.Min(limit, q.TrackMm + speed * dt);

                bool crossingLift = q.TrackMm > StagingPointMm + w && q.TrackMm < ReturnPointMm - w && Math.Abs(q.TrackMm - LiftPointMm) > w;
                if (crossingLift && !LiftAligned)
                {
                    q.Place = SimPackPlace.Dropped;
                    Hazard($"pack {q.Serial} fell into the lift pit: it was crossing the platform edge with the lift away from transfer height");
                    continue;
                }
                if (Math.Abs(q.TrackMm - LiftPointMm) <= w && q.TargetMm == LiftPointMm)
                {
                    if (PackOnPlatform != null) Hazard($"pack {q.Serial} pushed onto a platform that already holds a pack");
                    q.Place = SimPackPlace.Lift; // inside the platform's guides: it rides the lift from now on
                }
                front = q.TrackMm;
            }
        }

        private SimPack PackNear(double mm)
        {
            foreach (var p in _packs)
                if (p.Place == SimPackPlace.Conveyor && Math.Abs(p.TrackMm - mm) <= Parameters.PackSensorWindowMm) return p;
            return null;
        }

        private void CollectConveyorPacks()
        {
            _onConveyor.Clear();
            foreach (var p in _packs) if (p.Place == SimPackPlace.Conveyor) _onConveyor.Add(p);
            _onConveyor.Sort((a, b) => b.TrackMm.CompareTo(a.TrackMm));
        }
    }
}
