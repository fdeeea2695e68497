namespace Station.Core.Console
{
    /// <summary>What the technician console needs from the station. The console decides about words, permissions and
    /// limits it owns (maintenance, PIN, jog step and soft limits); the station decides about motion and interlocks and
    /// may refuse anything. <c>ControllerConsoleStation</c> maps this onto the StationController; tests use a fake.</summary>
    public interface IConsoleStation
    {
        /// <summary>Called once per console poll, after the station's tick: advances console-started motions and the
        /// self-test and stops them on any interlock.</summary>
        void Update();

        /// <summary>Short lower-case state name for the prompt ("idle", "lifting", "recovery").</summary>
        string StateName { get; }

        /// <summary>Latched fault number, 0 when none.</summary>
        int FaultCode { get; }

        /// <summary>Name and meaning of a fault number ("21 LightCurtainBroken: the bay light curtain was broken ...").</summary>
        string DescribeFault(int code);

        /// <summary>True while a swap is under way (maintenance may not start then).</summary>
        bool SwapRunning { get; }

        /// <summary>True when the bay's light curtain is clear (nobody in the bay).</summary>
        bool BayClear { get; }

        /// <summary>Multi-line station status (state, lift, locks, conveyors, interlocks, packs).</summary>
        string Status();

        /// <summary>Why the station is not swapping, or why motion would be refused, in words (one reason a line).</summary>
        string WhyNotSwapping();

        /// <summary>Latched fault and recent fault history, one a line.</summary>
        string FaultReport();

        /// <summary>Pack BMS data as last read (serial, SOC, fault bits), one item a line.</summary>
        string BmsReport();

        /// <summary>Rack slots and where every pack is, one a line.</summary>
        string RackReport();

        /// <summary>The last swaps that ended (one a line, newest first), or a sentence when none has.</summary>
        string SwapHistory();

        /// <summary>Holds (true) or releases (false) the swap sequencer for maintenance: while held it starts nothing.</summary>
        ConsoleOutcome SetMaintenance(bool on);

        /// <summary>True once the lift has been homed since power-up or the last fault reset (its position is known).</summary>
        bool LiftHomed { get; }

        /// <summary>Lift position in millimetres above home.</summary>
        int LiftPositionMm { get; }

        /// <summary>Starts a maintenance lift move to <paramref name="targetMm"/> at no more than <paramref name="speedMmS"/>.
        /// The station stops it on any interlock.</summary>
        ConsoleOutcome StartLiftMove(int targetMm, int speedMmS);

        /// <summary>True when the bay has <paramref name="device"/> as its profile names it ("lift", "locks", "robot").</summary>
        bool Has(string device);

        /// <summary>What homes as a whole ("lift"; "robot" at a truck bay), for the console's words.</summary>
        string Mover { get; }

        /// <summary>The bay's pack places as <c>pack place</c> takes them, index = <see cref="PackPlace"/> number
        /// (car: staging, lift, vehicle, return; truck: staging, fork, block1, return, block2, block3).</summary>
        string[] PlaceWords { get; }

        /// <summary>Starts a maintenance jog of the axis named <paramref name="axis"/> by <paramref name="mm"/> at no more
        /// than <paramref name="speedMmS"/>; accepted with the words saying what moves, or refused with why.</summary>
        ConsoleOutcome StartAxisJog(string axis, int mm, int speedMmS);

        /// <summary>Starts homing the lift.</summary>
        ConsoleOutcome StartHoming();

        /// <summary>Starts the self-test of every actuator and sensor it can safely exercise; the lift moves at no more
        /// than <paramref name="liftSpeedMmS"/>.</summary>
        ConsoleOutcome StartSelfTest(int liftSpeedMmS);

        /// <summary>True while a console-started motion or self-test runs.</summary>
        bool Busy { get; }

        /// <summary>Lines produced by the running or just-finished operation since the last call, or null.</summary>
        string TakeProgress();

        /// <summary>Stops a console-started motion or self-test now (outputs off this tick).</summary>
        void StopMotion();

        /// <summary>Emergency stop: every output off in the next tick, in any mode; latches a fault.</summary>
        void EmergencyStop();

        /// <summary>Clears latched fault <paramref name="code"/> when the inputs allow it; the lift must home next.</summary>
        ConsoleOutcome ResetFault(int code);

        /// <summary>Operator confirmation after a power loss or interrupted swap.</summary>
        ConsoleOutcome ConfirmRecovery();

        /// <summary>Authorises a swap (vehicle, chosen charged pack or null, a truck's block booking, the standards the
        /// vehicle accepts); the station's admission chain decides, as for the cloud's.</summary>
        ConsoleOutcome AuthorizeSwap(SwapAuthorization auth);

        /// <summary>Cancels a swap that has not moved yet (Arming); once it moves, only the emergency stop halts it.</summary>
        ConsoleOutcome CancelSwap();

        /// <summary>Number of rack slots (slot numbers are 0 .. count-1).</summary>
        int RackSlotCount { get; }

        /// <summary>Technician correction of rack slot <paramref name="slot"/>: a pack (serial, SOC -1..100, state) or empty
        /// (serial null). The station journals it and may refuse (during a swap, a serial already elsewhere).</summary>
        ConsoleOutcome SetRackSlot(int slot, string serial, int socPct, PackState state);

        /// <summary>Technician correction of a place outside the rack: a pack (confirmed there) or empty (serial null).</summary>
        ConsoleOutcome SetPackPlace(PackPlace place, string serial, int socPct);

        /// <summary>Starts the maintenance staging run: the staging conveyor until the staging sensor sees the pack the
        /// inventory has at staging.</summary>
        ConsoleOutcome StartStaging();

        /// <summary>Starts re-engaging every lock on the vehicle's pack (lift up to it, locks engage, lift home).</summary>
        ConsoleOutcome StartRelock();

        /// <summary>Called after the configuration changed (set or default) so the station can take the new values.</summary>
        ConsoleOutcome ApplyConfig(Station.Core.Config.ConfigValues values);
    }
}
