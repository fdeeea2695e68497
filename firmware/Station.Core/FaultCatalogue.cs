namespace Station.Core
{
    /// <summary>The one fault catalogue: code, name, meaning, what the technician does, and whether an authorised
    /// remote operator may reset it (docs/cloud.md). docs/faults.md is generated from this table (tools/Station.Docs).</summary>
    /// <remarks>Remote reset is allowed only where nobody needs to look at the bay: a person pressed the e-stop or walked
    /// into the curtain, a mechanism stalled, or a sensor disagrees — all of those want a technician on site.</remarks>
    public static class FaultCatalogue
    {
        private static readonly FaultCode[] Codes =
        {
            FaultCode.EStopPressed, FaultCode.LightCurtainBroken, FaultCode.DoorOpened, FaultCode.VehicleMoved,
            FaultCode.SafetyRelayDropped, FaultCode.SafetyRelayNoResponse, FaultCode.SafetyRelayWelded, FaultCode.SoftwareStop,
            FaultCode.LiftStall, FaultCode.LiftMoveTimeout, FaultCode.LiftTopLimit, FaultCode.LiftHomeLimitUnexpected,
            FaultCode.LiftSoftLimit, FaultCode.LiftHomingFailed, FaultCode.LiftMoveRefused,
            FaultCode.LiftHomingNotConfirmed, FaultCode.LiftHomeSwitchMissing, FaultCode.LiftPastContact,
            FaultCode.LockEngageTimeout, FaultCode.LockReleaseTimeout, FaultCode.LockSensorConflict, FaultCode.LockTooFast, FaultCode.LockLeftEndPosition,
            FaultCode.LiftFollowingError, FaultCode.LiftRunaway, FaultCode.LiftEncoderJump, FaultCode.LiftContactEarly, FaultCode.ControlTickLate,
            FaultCode.StagingTimeout, FaultCode.TransferTimeout, FaultCode.PackNotOnLift, FaultCode.UnexpectedPack,
            FaultCode.LiftNotAtTransferHeight, FaultCode.StepPreconditionFailed, FaultCode.LiftMovedWhileIdle,
            FaultCode.GateLocksNotLocked, FaultCode.GateLiftNotHome, FaultCode.GateBayNotClear, FaultCode.GatePackRejected,
            FaultCode.GatePackCheckTimeout, FaultCode.BmsNoAnswer, FaultCode.PackSerialMismatch, FaultCode.PackSocTooLow,
            FaultCode.PackBmsFault, FaultCode.PackInsulationFault, FaultCode.PackConnectorNotMated,
            FaultCode.PackTypeNotAccepted, FaultCode.PackTemperatureOutOfRange, FaultCode.PackCellVoltageFault,
            FaultCode.PackOverTemperature, FaultCode.PackOverCurrent, FaultCode.BmsProtocolError,
            FaultCode.JournalWriteFailed,
        };

        private static readonly string[] Names =
        {
            "EStopPressed", "LightCurtainBroken", "DoorOpened", "VehicleMoved",
            "SafetyRelayDropped", "SafetyRelayNoResponse", "SafetyRelayWelded", "SoftwareStop",
            "LiftStall", "LiftMoveTimeout", "LiftTopLimit", "LiftHomeLimitUnexpected",
            "LiftSoftLimit", "LiftHomingFailed", "LiftMoveRefused",
            "LiftHomingNotConfirmed", "LiftHomeSwitchMissing", "LiftPastContact",
            "LockEngageTimeout", "LockReleaseTimeout", "LockSensorConflict", "LockTooFast", "LockLeftEndPosition",
            "LiftFollowingError", "LiftRunaway", "LiftEncoderJump", "LiftContactEarly", "ControlTickLate",
            "StagingTimeout", "TransferTimeout", "PackNotOnLift", "UnexpectedPack",
            "LiftNotAtTransferHeight", "StepPreconditionFailed", "LiftMovedWhileIdle",
            "GateLocksNotLocked", "GateLiftNotHome", "GateBayNotClear", "GatePackRejected",
            "GatePackCheckTimeout", "BmsNoAnswer", "PackSerialMismatch", "PackSocTooLow",
            "PackBmsFault", "PackInsulationFault", "PackConnectorNotMated",
            "PackTypeNotAccepted", "PackTemperatureOutOfRange", "PackCellVoltageFault",
            "PackOverTemperature", "PackOverCurrent", "BmsProtocolError",
            "JournalWriteFailed",
        };

        private static readonly string[] Meanings =
        {
            "The emergency-stop circuit opened while the station was moving.",
            "Something interrupted the bay light curtain while the station was moving.",
            "A bay door opened while the station was moving.",
            "The vehicle-position sensor lost the vehicle during a swap.",
            "The safety relay / STO feedback dropped while motion was permitted.",
            "The safety relay did not confirm the MotionPermit request within safety.relay_response_ms.",
            "The safety relay reports OK although no motion is permitted: welded contact or wiring fault.",
            "An emergency stop was requested in software (console, cloud or API).",
            "The lift encoder stopped changing for lift.stall_window_ms while the drive was commanded.",
            "A lift move took longer than its computed duration plus lift.move_timeout_margin_ms.",
            "The lift reached the top overtravel switch.",
            "The home switch is active while the encoder says the lift is well above home.",
            "The lift position left its soft limits.",
            "Homing did not reach the home switch in time.",
            "The lift refused a move the swap needed (target outside the soft limits, not homed or busy): nothing moved.",
            "Homing could not confirm the home switch: it did not read released within lift.homing_backoff_mm of backing off, or the confirming slow approach did not find its edge within lift.homing_repeat_mm of the first (a glitch is not a reference).",
            "Going home, the encoder passed lift.home_window_mm below home and the home switch never came (switch stuck open, wiring, or the encoder counts wrong).",
            "Moving up into contact, the encoder passed the vehicle height by more than half of lift.seal_compression_mm: the lift was stopped before it pressed the pack into the car.",
            "A lock did not read locked (and only locked) within lock.travel_ms.",
            "A lock did not read unlocked (and only unlocked) within lock.travel_ms.",
            "A lock reads both locked and unlocked at once.",
            "A lock read its end position sooner than lock.min_travel_ms after it was driven: a lock cannot travel that fast, so the sensor is not believed (stuck or shorted).",
            "A lock held at its end position during a swap stopped reading it (sensor dropped, flickering, or the latch moved).",
            "The lift encoder fell behind the travel the drive was commanded by more than lift.following_error_mm while it still counted: a slipping coupling, a wrong encoder scale, or a drive too weak for its load.",
            "The lift moved further than commanded by more than lift.following_error_mm, or against the commanded direction by half of it: the drive ran away from its speed reference.",
            "The lift encoder count changed between two samples by more than the lift can travel at full speed: a wrapping counter, noise or a preset.",
            "Moving up into contact, the platform's pack-contact sensor made while the encoder was still below the contact zone: the pack sits lower than lift.vehicle_height_mm, or the encoder reads low.",
            "A control tick came later than safety.tick_late_ms after the one before while an actuator was driven: the firmware could not watch the motion in between.",
            "The charged pack did not reach the staging point within conveyor.staging_timeout_ms.",
            "The transfer conveyor did not put the depleted pack at the return point and the charged pack on the lift within conveyor.transfer_timeout_ms.",
            "After lowering the depleted pack, the lift's pack sensor sees no pack.",
            "A pack sensor sees a pack where the inventory has none.",
            "Transfer refused to start: the lift is not at transfer height by both the encoder (within lift.home_window_mm) and the home switch; nothing moved.",
            "A swap step found the bay not as the step before left it (lift not at its height by encoder and switch, or locks not at their end position); it did not act.",
            "The homed lift moved more than lift.following_error_mm with no move commanded: the brake does not hold or the drive runs without its enable.",
            "Release gate refused: at least one lock does not read locked.",
            "Release gate refused: the lift is not at home.",
            "Release gate refused: the bay is not clear (light curtain, doors or e-stop).",
            "Release gate refused: the pack check rejected the installed pack.",
            "Release gate refused: the pack check gave no verdict within gate.bms_timeout_ms.",
            "Release gate refused: the installed pack's BMS does not answer.",
            "Release gate refused: the installed pack's serial is not the pack that was chosen.",
            "Release gate refused: the installed pack's state of charge is below gate.min_soc_pct.",
            "Release gate refused: the installed pack's BMS reports a fault (cell voltage, temperature).",
            "Release gate refused: the installed pack reports an insulation fault.",
            "Release gate refused: the pack connector is not mated.",
            "Release gate refused: the installed pack's battery type (BRM) is not in the accepted types.",
            "Release gate refused: the installed pack's lowest or highest temperature (BSM) is outside the configured range.",
            "Release gate refused: the installed pack's BMS reports a cell voltage too high or too low (BSM).",
            "Release gate refused: the installed pack's BMS reports over-temperature (BSM).",
            "Release gate refused: the installed pack's BMS reports over-current (BSM).",
            "Release gate refused: the installed pack's BMS broke the GB/T 27930 exchange (BEM, BST or aborted transfers).",
            "The journal could not be written to storage; the station will not act without a record.",
        };

        private static readonly string[] Actions =
        {
            "Find out who pressed it and why; make the bay safe; release the e-stop; reset; home.",
            "Clear the bay; check the curtain is aligned and clean; reset once the beams are clear; home.",
            "Check nobody is inside; close the doors; reset; home.",
            "Check the vehicle and pack on site; re-position the vehicle; reset; home; confirm the pack state in the console.",
            "Check the safety relay, STO wiring and e-stop circuit; reset; home.",
            "Check the safety relay is powered and wired to MotionPermit; reset; home.",
            "Replace or rewire the safety relay before any further motion; reset; home.",
            "Find out why the stop was requested; reset; home.",
            "Inspect the lift for an obstruction, brake not releasing or a loose encoder; reset; home.",
            "Inspect the lift drive and mechanics (speed, brake, load); reset; home.",
            "Inspect the lift and its encoder; move it away from the switch by hand; reset; home.",
            "Check the home switch and its wiring (stuck or shorted); reset; home.",
            "Check the encoder and the soft-limit configuration; reset; home.",
            "Check the home switch, drive and brake; reset; home again.",
            "Check lift.soft_min_mm / lift.soft_max_mm against the vehicle height; reset; home.",
            "Check the home switch (bouncing, loose cam, wiring) and that the lift can move freely near home; reset; home.",
            "Check the home switch and its wiring, then the encoder and its coupling; reset; home.",
            "Keep the vehicle in the bay; inspect the pack, seals and vehicle underbody; check the encoder and lift.vehicle_height_mm; reset; home.",
            "Inspect the lock and its sensors; make sure the pack sits correctly; reset; home.",
            "Inspect the lock and its sensors; reset; home.",
            "Check the lock's two sensors and their wiring; reset; home.",
            "Check the lock's sensors (stuck, shorted) and that the latch really moves; reset; home.",
            "Keep the vehicle in the bay; check the latch and its sensor before anyone moves the vehicle; reset; home.",
            "Check the encoder coupling and its counts per mm against the lift, and the drive's load; reset; home.",
            "Keep the bay clear; check the lift drive, its speed reference and enable wiring, and the brake before any further motion; reset; home.",
            "Check the encoder, its cable and shield, and that the counter is extended in software; reset; home.",
            "Keep the vehicle in the bay; measure the vehicle's pack height against lift.vehicle_height_mm; check the encoder and the contact sensor; reset; home.",
            "Check what blocked the control loop (log, CPU load, storage); reset; home.",
            "Check the rack feed point, the staging conveyor and the staging sensor; reset; home.",
            "Check the transfer conveyor, the lift and return-point sensors; reset; home.",
            "Check where the depleted pack is (still in the vehicle? on the floor?); fix the inventory; reset; home.",
            "Check the sensor and remove or record the pack; reset; home.",
            "Check the home switch and the encoder against the real lift height; check the pack on the lift; reset; home.",
            "Check the lift height and the locks against their sensors; reset; home.",
            "Check the lift brake (air gap, wear, supply) and the drive's enable; reset; home.",
            "Keep the vehicle in the bay; inspect the locks; reset and re-run locking by hand if needed.",
            "Keep the vehicle in the bay; check the lift and its home switch; reset; home.",
            "Clear the bay and close the doors; reset.",
            "Keep the vehicle in the bay; read the pack check's reason in the console; swap again with another pack.",
            "Keep the vehicle in the bay; check the CAN wiring to the pack; reset; retry.",
            "Keep the vehicle in the bay; check the pack connector and CAN wiring; reset; retry.",
            "Keep the vehicle in the bay; find which pack was installed; correct the inventory; swap again.",
            "Keep the vehicle in the bay; swap again with a charged pack.",
            "Keep the vehicle in the bay; mark the pack faulty; swap again with another pack.",
            "Keep the vehicle in the bay; mark the pack faulty; swap again with another pack.",
            "Keep the vehicle in the bay; inspect the connector; reset; retry.",
            "Keep the vehicle in the bay; swap again with a pack of an accepted type; check the rack inventory.",
            "Keep the vehicle in the bay; let the pack reach its temperature range or swap again with another pack.",
            "Keep the vehicle in the bay; mark the pack faulty; swap again with another pack.",
            "Keep the vehicle in the bay; mark the pack faulty; swap again with another pack.",
            "Keep the vehicle in the bay; mark the pack faulty; swap again with another pack.",
            "Keep the vehicle in the bay; decode the CAN log (Station.CanTool); check the pack connector and CAN wiring; reset; retry.",
            "Check the storage medium (flash or SD card); replace it if it keeps failing; reset; home.",
        };

        private static readonly bool[] Remote =
        {
            false, false, false, false,
            false, false, false, true,
            false, false, false, false,
            false, false, false,
            false, false, false, // LiftHomingNotConfirmed, LiftHomeSwitchMissing, LiftPastContact
            false, false, false, false, false, // locks, LockTooFast, LockLeftEndPosition
            false, false, false, false, false, // LiftFollowingError, LiftRunaway, LiftEncoderJump, LiftContactEarly, ControlTickLate
            false, false, false, false,
            false, false, false, // LiftNotAtTransferHeight, StepPreconditionFailed, LiftMovedWhileIdle
            false, false, true, true,
            true, true, true, true,
            true, true, true,
            true, true, true, true, true, true,
            false,
        };

        /// <summary>Number of catalogued faults (FaultCode.None is not one).</summary>
        public static int Count { get { return Codes.Length; } }

        /// <summary>The fault at catalogue row <paramref name="index"/> (0..Count-1), in catalogue order.</summary>
        public static FaultCode CodeAt(int index) { return Codes[index]; }

        /// <summary>Name of the fault, e.g. "LiftStall"; "None" for none; "Unknown" for an uncatalogued number.</summary>
        public static string Name(FaultCode code)
        {
            if (code == FaultCode.None) return "None";
            int i = IndexOf(code);
            return i < 0 ? "Unknown" : Names[i];
        }

        /// <summary>What the fault means, one sentence.</summary>
        public static string Meaning(FaultCode code)
        {
            int i = IndexOf(code);
            return i < 0 ? "No fault, or a number this firmware does not know." : Meanings[i];
        }

        /// <summary>What the technician does about it.</summary>
        public static string Action(FaultCode code)
        {
            int i = IndexOf(code);
            return i < 0 ? "Nothing." : Actions[i];
        }

        /// <summary>True when an authorised remote operator may reset this fault without anyone on site.</summary>
        public static bool RemotelyResettable(FaultCode code)
        {
            int i = IndexOf(code);
            return i >= 0 && Remote[i];
        }

        /// <summary>True when the code is in the catalogue.</summary>
        public static bool IsKnown(FaultCode code) { return IndexOf(code) >= 0; }

        private static int IndexOf(FaultCode code)
        {
            for (int i = 0; i < Codes.Length; i++)
            {
                if (Codes[i] == code) return i;
            }
            return -1;
        }
    }
}
