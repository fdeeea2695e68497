using Station.Core.Motion;

namespace Station.Core.Swap.Truck
{
    /// <summary>The truck bay's own devices: the side-swap robot's travel and fork axes (the same axis controller as the
    /// car's lift, each over its own <see cref="LinearAxisPorts"/>; the height axis is the engine's lift), each block
    /// position's latches and connector (lock sets), its block-present sensor, and the overload and anti-tipping
    /// interlocks.</summary>
    /// <remarks>A robot move names a target for each axis; the axes run together and the move arrives when all three
    /// did. The fork reaches out only with travel and height standing at their targets (the steps' preconditions), and
    /// travel and height move only with the fork retracted.</remarks>
    public sealed class TruckRobot
    {
        /// <summary>Travel along the truck (home = the rack exchange).</summary>
        public readonly LiftAxis Travel;
        /// <summary>The fork (home = retracted).</summary>
        public readonly LiftAxis Fork;
        /// <summary>Per block position (index = position - 1): the block's latches.</summary>
        public readonly LockSet[] Latches = new LockSet[TruckPorts.Positions];
        /// <summary>Per block position: the block's connector actuator (one "latch": locked = mated).</summary>
        public readonly LockSet[] Connectors = new LockSet[TruckPorts.Positions];
        private readonly DebouncedInput[] _present = new DebouncedInput[TruckPorts.Positions];
        private readonly DebouncedInput _loadOk;
        private readonly DebouncedInput _upright;
        private bool _travelPending;
        private bool _heightPending;
        private bool _forkPending;
        private bool _moving;
        // Homing: 1 while the fork retracts to its switch, 2 while travel and height home, 0 otherwise.
        private int _homingPhase;

        /// <summary>Builds the devices over <paramref name="ports"/> with the figures of <see cref="TruckFigures"/>.</summary>
        public TruckRobot(TruckPorts ports, StationConfig config)
        {
            Travel = new LiftAxis(ports.Travel, TruckFigures.AxisConfig(config, true));
            Fork = new LiftAxis(ports.Fork, TruckFigures.AxisConfig(config, false));
            StationConfig latches = TruckFigures.LatchConfig(config, true);
            StationConfig connector = TruckFigures.LatchConfig(config, false);
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                Latches[i] = new LockSet(ports.BlockLocks[i], latches);
                Connectors[i] = new LockSet(ports.Connectors[i], connector);
                _present[i] = new DebouncedInput(ports.BlockPresent[i], config.InputDebounceMs, false);
            }
            // Interlock inputs drop at once (a tipping robot is not debounced into safety), rise after the debounce.
            _loadOk = new DebouncedInput(ports.LoadWithinLimit, config.InputDebounceMs, true);
            _upright = new DebouncedInput(ports.Upright, config.InputDebounceMs, true);
        }

        /// <summary>Makes the axes' switches and the latches' and connectors' sensors read their banks from the tick's
        /// <paramref name="scan"/> (the sequencer's tick is the only caller of <see cref="Update"/>).</summary>
        public void JoinScan(InputScan scan)
        {
            Travel.JoinScan(scan);
            Fork.JoinScan(scan);
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                Latches[i].JoinScan(scan);
                Connectors[i].JoinScan(scan);
            }
        }

        /// <summary>A block sits in the cradle at <paramref name="position"/> (1..3).</summary>
        public bool BlockPresent(int position) { return _present[position - 1].Value; }

        /// <summary>The cradle sensor of block position <paramref name="position"/> (1..3), for the console.</summary>
        public DebouncedInput PresentSensor(int position) { return _present[position - 1]; }

        /// <summary>The fork's load-cell switch (high = within the limit), for the console.</summary>
        public DebouncedInput LoadSensor { get { return _loadOk; } }

        /// <summary>The anti-tipping switch (high = level), for the console.</summary>
        public DebouncedInput UprightSensor { get { return _upright; } }

        /// <summary>The fork's load is within the maximum-load limit.</summary>
        public bool LoadWithinLimit { get { return _loadOk.Value; } }

        /// <summary>The robot stands level (anti-tipping).</summary>
        public bool Upright { get { return _upright.Value; } }

        /// <summary>Travel and fork homed (the height axis is the engine's lift).</summary>
        public bool Homed { get { return Travel.IsHomed && Fork.IsHomed; } }

        /// <summary>Samples every sensor (also in Recovery, where nothing is driven).</summary>
        public void Sample(long nowMs)
        {
            for (int i = 0; i < TruckPorts.Positions; i++) _present[i].Sample(nowMs);
            _loadOk.Sample(nowMs);
            _upright.Sample(nowMs);
        }

        /// <summary>One control period of every device: the first fault any of them latched, or None. Allocation-free.</summary>
        public FaultCode Update(long nowMs, bool swapping)
        {
            Sample(nowMs);
            Travel.Update(nowMs);
            // Each axis latches its own code, so the catalogue and the technician see which axis failed; the axis keeps
            // its own reason (stall, timeout, limit …) in its Fault for the log and the console.
            if (Travel.Fault != FaultCode.None) return FaultCode.TravelAxisFault;
            Fork.Update(nowMs);
            if (Fork.Fault != FaultCode.None) return FaultCode.ForkAxisFault;
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                LockSet l = Latches[i];
                l.MonitorHold = swapping;
                l.Update(nowMs);
                if (l.Fault != FaultCode.None) return l.Fault;
                LockSet c = Connectors[i];
                c.Update(nowMs);
                if (c.Fault != FaultCode.None) return FaultCode.ConnectorFault;
            }
            return FaultCode.None;
        }

        /// <summary>The overload or anti-tipping interlock that is open, or None (checked while anything may move).</summary>
        public FaultCode InterlockFault()
        {
            if (!_upright.Value) return FaultCode.RobotTipping;
            if (!_loadOk.Value) return FaultCode.RobotOverload;
            return FaultCode.None;
        }

        /// <summary>Starts a robot move: each axis to its target (0 = home); false (a fault raised) when an axis refused.</summary>
        public bool MoveTo(SwapSequencer s, double travelMm, double heightMm, double forkMm)
        {
            long now = s.Now;
            _moving = true;
            _travelPending = true;
            _heightPending = true;
            _forkPending = true;
            if (!Travel.MoveTo(travelMm, now)) s.RaiseFault(FaultCode.TravelAxisFault);
            else if (!s.Lift.MoveTo(heightMm, now)) s.RaiseFault(FaultCode.LiftMoveRefused);
            else if (!Fork.MoveTo(forkMm, now)) s.RaiseFault(FaultCode.ForkAxisFault);
            else return true;
            return false;
        }

        /// <summary>True once when every axis of the move started by <see cref="MoveTo"/> arrived (reading clears it).</summary>
        public bool TakeArrived(SwapSequencer s)
        {
            if (!_moving) return false;
            if (_travelPending && Travel.TakeArrived()) _travelPending = false;
            if (_heightPending && s.Lift.TakeArrived()) _heightPending = false;
            if (_forkPending && Fork.TakeArrived()) _forkPending = false;
            if (_travelPending || _heightPending || _forkPending) return false;
            _moving = false;
            return true;
        }

        /// <summary>Homing: the fork first (it may stand in a cradle), then travel and height together.</summary>
        public bool StartHoming(SwapSequencer s)
        {
            _moving = false;
            _homingPhase = 1;
            return Fork.StartHoming(s.Now);
        }

        /// <summary>True once when every axis is homed (reading clears it); starts the second phase when the fork is in.</summary>
        public bool TakeHomed(SwapSequencer s)
        {
            if (_homingPhase == 1)
            {
                if (!Fork.TakeArrived()) return false;
                _homingPhase = 2;
                _travelPending = true;
                _heightPending = true;
                if (!Travel.StartHoming(s.Now)) s.RaiseFault(FaultCode.TravelAxisFault);
                else if (!s.Lift.StartHoming(s.Now)) s.RaiseFault(FaultCode.LiftMoveRefused);
                return false;
            }
            if (_homingPhase != 2) return false;
            if (_travelPending && Travel.TakeArrived()) _travelPending = false;
            if (_heightPending && s.Lift.TakeArrived()) _heightPending = false;
            if (_travelPending || _heightPending) return false;
            _homingPhase = 0;
            return true;
        }

        /// <summary>Every output of the robot, latches and connectors off at once. Allocation-free.</summary>
        public void Stop()
        {
            Travel.Stop();
            Fork.Stop();
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                Latches[i].Stop();
                Connectors[i].Stop();
            }
            _moving = false;
            _homingPhase = 0;
        }

        /// <summary>Clears every latched device fault (the axes must home again).</summary>
        public void ClearFaults()
        {
            Travel.ClearFault();
            Fork.ClearFault();
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                Latches[i].ClearFault();
                Connectors[i].ClearFault();
            }
            _moving = false;
            _homingPhase = 0;
        }

        /// <summary>Every latch of <paramref name="position"/> reads locked and its connector mated.</summary>
        public bool BlockSecured(int position)
        {
            return Latches[position - 1].AllLocked() && Connectors[position - 1].AllLocked();
        }
    }
}
