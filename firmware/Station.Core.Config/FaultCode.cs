namespace Station.Core
{
    /// <summary>Numbered faults. The catalogue (<see cref="FaultCatalogue"/>, docs/faults.md) says what each means and
    /// what the technician does. Numbers go to logs, the journal and the cloud: never renumber, only add.</summary>
    public enum FaultCode
    {
        /// <summary>No fault.</summary>
        None = 0,

        /// <summary>Emergency stop pressed during motion.</summary>
        EStopPressed = 10,
        /// <summary>Bay light curtain interrupted during motion.</summary>
        LightCurtainBroken = 11,
        /// <summary>A bay door opened during motion.</summary>
        DoorOpened = 12,
        /// <summary>The vehicle left its swap position during a swap.</summary>
        VehicleMoved = 13,
        /// <summary>Safety relay / STO feedback dropped while motion was permitted.</summary>
        SafetyRelayDropped = 14,
        /// <summary>Safety relay did not confirm the MotionPermit request in time.</summary>
        SafetyRelayNoResponse = 15,
        /// <summary>Safety relay reports OK while no motion is permitted (welded contact or wiring fault).</summary>
        SafetyRelayWelded = 16,
        /// <summary>Software emergency stop requested (console, cloud or API).</summary>
        SoftwareStop = 17,

        /// <summary>Lift encoder stopped changing while the drive was commanded.</summary>
        LiftStall = 20,
        /// <summary>Lift move took longer than its computed time plus margin.</summary>
        LiftMoveTimeout = 21,
        /// <summary>Lift top overtravel switch reached.</summary>
        LiftTopLimit = 22,
        /// <summary>Home switch active where the encoder says the lift is well above home.</summary>
        LiftHomeLimitUnexpected = 23,
        /// <summary>Lift position outside its soft limits.</summary>
        LiftSoftLimit = 24,
        /// <summary>Homing did not find the home switch in time.</summary>
        LiftHomingFailed = 25,
        /// <summary>The lift refused a commanded move (target outside the soft limits, not homed or busy).</summary>
        LiftMoveRefused = 26,
        /// <summary>Homing could not confirm the home switch edge (not released on backing off, or found elsewhere the second time).</summary>
        LiftHomingNotConfirmed = 27,
        /// <summary>Going home, the encoder passed below home and the home switch never came.</summary>
        LiftHomeSwitchMissing = 28,
        /// <summary>Moving into contact, the encoder passed the vehicle height by more than half the seal compression.</summary>
        LiftPastContact = 29,

        /// <summary>A lock did not reach the locked position within its travel time.</summary>
        LockEngageTimeout = 30,
        /// <summary>A lock did not reach the unlocked position within its travel time.</summary>
        LockReleaseTimeout = 31,
        /// <summary>A lock reads both locked and unlocked.</summary>
        LockSensorConflict = 32,
        /// <summary>A lock read its end position sooner than it can physically travel there.</summary>
        LockTooFast = 33,
        /// <summary>A lock held at its end position during a swap stopped reading it.</summary>
        LockLeftEndPosition = 34,
        /// <summary>The lift encoder lags the commanded travel by more than the following-error limit while still counting.</summary>
        LiftFollowingError = 35,
        /// <summary>The lift moves faster than commanded or against the commanded direction (drive runaway).</summary>
        LiftRunaway = 36,
        /// <summary>The lift encoder count jumped further between two samples than the lift can travel.</summary>
        LiftEncoderJump = 37,
        /// <summary>The platform's pack-contact sensor made below the contact zone (pack lower than configured, or encoder low).</summary>
        LiftContactEarly = 38,
        /// <summary>A control tick came later than the configured limit while something moved.</summary>
        ControlTickLate = 39,

        /// <summary>The charged pack did not reach the staging point in time.</summary>
        StagingTimeout = 40,
        /// <summary>The transfer conveyor did not complete its run in time.</summary>
        TransferTimeout = 41,
        /// <summary>No pack on the lift where one must be (after lowering the depleted pack).</summary>
        PackNotOnLift = 42,
        /// <summary>A pack sensor reads a pack where the inventory has none (staging, return point or lift).</summary>
        UnexpectedPack = 43,
        /// <summary>Transfer refused to start: the lift is not at transfer height by both encoder and home switch.</summary>
        LiftNotAtTransferHeight = 44,
        /// <summary>A swap step found the bay not as the step before left it (lift height, lock positions); it did not act.</summary>
        StepPreconditionFailed = 45,
        /// <summary>The homed lift moved with no move commanded (brake not holding, drive running without enable).</summary>
        LiftMovedWhileIdle = 46,

        /// <summary>Release gate: a lock does not read locked.</summary>
        GateLocksNotLocked = 50,
        /// <summary>Release gate: the lift is not at home.</summary>
        GateLiftNotHome = 51,
        /// <summary>Release gate: the bay is not clear (curtain, doors, e-stop).</summary>
        GateBayNotClear = 52,
        /// <summary>Release gate: the pack check refused the pack.</summary>
        GatePackRejected = 53,
        /// <summary>Release gate: the pack check gave no verdict in time.</summary>
        GatePackCheckTimeout = 54,
        /// <summary>BMS of the installed pack does not answer.</summary>
        BmsNoAnswer = 55,
        /// <summary>Installed pack's serial is not the pack that was chosen.</summary>
        PackSerialMismatch = 56,
        /// <summary>Installed pack's state of charge is below the minimum.</summary>
        PackSocTooLow = 57,
        /// <summary>Installed pack's BMS reports a fault (cell voltage, temperature).</summary>
        PackBmsFault = 58,
        /// <summary>Installed pack reports an insulation fault.</summary>
        PackInsulationFault = 59,
        /// <summary>Installed pack's connector is not mated.</summary>
        PackConnectorNotMated = 60,
        /// <summary>Installed pack's battery type is not accepted by the configuration.</summary>
        PackTypeNotAccepted = 61,
        /// <summary>Installed pack's temperatures are outside the configured range.</summary>
        PackTemperatureOutOfRange = 62,
        /// <summary>Installed pack's BMS reports a cell voltage too high or too low.</summary>
        PackCellVoltageFault = 63,
        /// <summary>Installed pack's BMS reports over-temperature.</summary>
        PackOverTemperature = 64,
        /// <summary>Installed pack's BMS reports over-current.</summary>
        PackOverCurrent = 65,
        /// <summary>Installed pack's BMS broke the GB/T 27930 exchange (BEM timeout report, stop, aborted transfers).</summary>
        BmsProtocolError = 66,

        /// <summary>The journal could not be written; the station will not act without it.</summary>
        JournalWriteFailed = 70,
        /// <summary>An unexpected exception escaped the control tick: outputs off, the loop keeps serving console and cloud.</summary>
        ControlException = 71,

        /// <summary>Release gate: the pack's BMS reports an identity (chemistry, energy) that contradicts the pack standard
        /// the station's record holds for it (a pack of another standard, or a record that is wrong).</summary>
        PackStandardMismatch = 80,

        /// <summary>Truck bay: the robot fork's load cell reads above the maximum load (GB/T 29772 maximum-load limit).</summary>
        RobotOverload = 90,
        /// <summary>Truck bay: the robot's anti-tipping inclination switch opened.</summary>
        RobotTipping = 91,
        /// <summary>Truck bay: a block connector did not mate or unmate in time, or its end sensors disagree.</summary>
        ConnectorFault = 92,
        /// <summary>Truck bay gate: a swapped block's latches are not all locked or its connector is not mated.</summary>
        GateBlockNotSecured = 93,
        /// <summary>Truck bay: a block is not where the step needs it (cradle empty under the fork, or a cradle still full
        /// after the block was taken).</summary>
        BlockNotInCradle = 94,
        /// <summary>Truck bay: the robot's travel axis tripped (stall, move or homing timeout, limit, encoder, refused
        /// move); the axis's own reason is in the log and the console's status.</summary>
        TravelAxisFault = 95,
        /// <summary>Truck bay: the robot's fork axis tripped (stall, move or homing timeout, limit, encoder, refused move);
        /// the axis's own reason is in the log and the console's status.</summary>
        ForkAxisFault = 96,

        /// <summary>A registered output stayed on longer than its maximum on-time (the device that drives it did not stop it).</summary>
        OutputOnTooLong = 97,
        /// <summary>A registered output is commanded off but its read-back reads on (welded contactor, stuck conveyor).</summary>
        OutputStuckOn = 98,
        /// <summary>A registered output is commanded on but its read-back stays off (contactor does not pull in, open wire).</summary>
        OutputNoFeedback = 99,
    }
}
