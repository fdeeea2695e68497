using Station.Core.Motion;
using Station.Hal;

namespace Station.Core.Swap
{
    /// <summary>The engine's actuators and pack sensors, built once over the bay's ports: the lift, the pack locks, the
    /// staging and transfer conveyors and the three debounced pack sensors the conveyors stop on. Each actuator times its
    /// own move; the sequencer's tick updates each and latches the first that tripped.</summary>
    public sealed class BayActuators
    {
        /// <summary>The lift axis.</summary>
        public readonly LiftAxis Lift;
        /// <summary>The pack locks.</summary>
        public readonly LockSet Locks;
        /// <summary>Rack feed point to staging point.</summary>
        public readonly Conveyor Staging;
        /// <summary>Across the lift: depleted pack off, charged pack on.</summary>
        public readonly Conveyor Transfer;
        /// <summary>Debounced PackAtStaging.</summary>
        public readonly DebouncedInput PackAtStaging;
        /// <summary>Debounced PackOnLift.</summary>
        public readonly DebouncedInput PackOnLift;
        /// <summary>Debounced PackAtReturn.</summary>
        public readonly DebouncedInput PackAtReturn;
        /// <summary>The three pack sensors, sampled as one InputGroup.</summary>
        public readonly InputGroup PackSensors;

        /// <summary>Builds the actuators over <paramref name="io"/>: axis and lock figures from
        /// <paramref name="engine"/> (the profile's engine configuration), debounce and conveyor deadlines from
        /// <paramref name="config"/>.</summary>
        public BayActuators(StationIo io, StationConfig config, StationConfig engine)
        {
            Lift = new LiftAxis(io.Lift, engine);
            Locks = new LockSet(io.Locks, engine);
            PackAtStaging = new DebouncedInput(io.Sensors.PackAtStaging, config.InputDebounceMs, false);
            PackOnLift = new DebouncedInput(io.Sensors.PackOnLift, config.InputDebounceMs, false);
            PackAtReturn = new DebouncedInput(io.Sensors.PackAtReturn, config.InputDebounceMs, false);
            PackSensors = new InputGroup(new DebouncedInput[] { PackAtStaging, PackOnLift, PackAtReturn });
            Staging = new Conveyor(io.StagingConveyor.Run, new DebouncedInput[] { PackAtStaging }, null,
                FaultCode.StagingTimeout, config.StagingTimeoutMs);
            Transfer = new Conveyor(io.TransferConveyor.Run, new DebouncedInput[] { PackAtReturn, PackOnLift },
                PackAtStaging, FaultCode.TransferTimeout, config.TransferTimeoutMs);
            Transfer.ExchangeSensor = PackOnLift;
        }

        /// <summary>True while any actuator is commanded: the lift, a lock, a conveyor.</summary>
        public bool AnythingDriven()
        {
            LiftMode m = Lift.Mode;
            return m == LiftMode.Moving || m == LiftMode.Homing || Locks.Command != LockCommand.None
                || Staging.IsRunning || Transfer.IsRunning;
        }

        /// <summary>Clears every actuator's tripped fault (reset).</summary>
        public void ClearFaults()
        {
            Lift.ClearFault();
            Locks.ClearFault();
            Staging.ClearFault();
            Transfer.ClearFault();
        }
    }
}
