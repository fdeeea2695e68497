namespace Station.Core
{
    /// <summary>The one fault catalogue, one row per fault: code, name, category, meaning, what the technician does,
    /// and whether an authorised remote operator may reset it (docs/cloud.md). docs/faults.md is generated from these
    /// rows (tools/Station.Docs).</summary>
    /// <remarks>Remote reset is allowed only where nobody needs to look at the bay: a person pressed the e-stop or walked
    /// into the curtain, a mechanism stalled, or a sensor disagrees — all of those want a technician on site.
    /// The rows are private and read-only: a public static array's elements could be replaced by any caller.</remarks>
    public static class FaultCatalogue
    {
        private static readonly FaultRow[] Rows =
        {
            new FaultRow(FaultCode.EStopPressed, "EStopPressed", FaultCategory.Interlock, false,
                "The emergency-stop circuit opened while the station was moving.",
                "Find out who pressed it and why; make the bay safe; release the e-stop; reset; home."),
            new FaultRow(FaultCode.LightCurtainBroken, "LightCurtainBroken", FaultCategory.Interlock, false,
                "Something interrupted the bay light curtain while the station was moving.",
                "Clear the bay; check the curtain is aligned and clean; reset once the beams are clear; home."),
            new FaultRow(FaultCode.DoorOpened, "DoorOpened", FaultCategory.Interlock, false,
                "A bay door opened while the station was moving.",
                "Check nobody is inside; close the doors; reset; home."),
            new FaultRow(FaultCode.VehicleMoved, "VehicleMoved", FaultCategory.Interlock, false,
                "The vehicle-position sensor lost the vehicle during a swap.",
                "Check the vehicle and pack on site; re-position the vehicle; reset; home; confirm the pack state in the console."),
            new FaultRow(FaultCode.SafetyRelayDropped, "SafetyRelayDropped", FaultCategory.Interlock, false,
                "The safety relay / STO feedback dropped while motion was permitted.",
                "Check the safety relay, STO wiring and e-stop circuit; reset; home."),
            new FaultRow(FaultCode.SafetyRelayNoResponse, "SafetyRelayNoResponse", FaultCategory.Interlock, false,
                "The safety relay did not confirm the MotionPermit request within safety.relay_response_ms.",
                "Check the safety relay is powered and wired to MotionPermit; reset; home."),
            new FaultRow(FaultCode.SafetyRelayWelded, "SafetyRelayWelded", FaultCategory.Interlock, false,
                "The safety relay reports OK although no motion is permitted: welded contact or wiring fault.",
                "Replace or rewire the safety relay before any further motion; reset; home."),
            new FaultRow(FaultCode.SoftwareStop, "SoftwareStop", FaultCategory.Interlock, true,
                "An emergency stop was requested in software (console, cloud or API).",
                "Find out why the stop was requested; reset; home."),
            new FaultRow(FaultCode.LiftStall, "LiftStall", FaultCategory.Lift, false,
                "The lift encoder stopped changing for lift.stall_window_ms while the drive was commanded.",
                "Inspect the lift for an obstruction, brake not releasing or a loose encoder; reset; home."),
            new FaultRow(FaultCode.LiftMoveTimeout, "LiftMoveTimeout", FaultCategory.Lift, false,
                "A lift move took longer than its computed duration plus lift.move_timeout_margin_ms.",
                "Inspect the lift drive and mechanics (speed, brake, load); reset; home."),
            new FaultRow(FaultCode.LiftTopLimit, "LiftTopLimit", FaultCategory.Lift, false,
                "The lift reached the top overtravel switch.",
                "Inspect the lift and its encoder; move it away from the switch by hand; reset; home."),
            new FaultRow(FaultCode.LiftHomeLimitUnexpected, "LiftHomeLimitUnexpected", FaultCategory.Lift, false,
                "The home switch is active while the encoder says the lift is well above home.",
                "Check the home switch and its wiring (stuck or shorted); reset; home."),
            new FaultRow(FaultCode.LiftSoftLimit, "LiftSoftLimit", FaultCategory.Lift, false,
                "The lift position left its soft limits.",
                "Check the encoder and the soft-limit configuration; reset; home."),
            new FaultRow(FaultCode.LiftHomingFailed, "LiftHomingFailed", FaultCategory.Lift, false,
                "Homing did not reach the home switch in time.",
                "Check the home switch, drive and brake; reset; home again."),
            new FaultRow(FaultCode.LiftMoveRefused, "LiftMoveRefused", FaultCategory.Lift, false,
                "The lift refused a move the swap needed (target outside the soft limits, not homed or busy): nothing moved.",
                "Check lift.soft_min_mm / lift.soft_max_mm against the vehicle height; reset; home."),
            new FaultRow(FaultCode.LiftHomingNotConfirmed, "LiftHomingNotConfirmed", FaultCategory.Lift, false,
                "Homing could not confirm the home switch: it did not read released within lift.homing_backoff_mm of backing off, or the confirming slow approach did not find its edge within lift.homing_repeat_mm of the first (a glitch is not a reference).",
                "Check the home switch (bouncing, loose cam, wiring) and that the lift can move freely near home; reset; home."),
            new FaultRow(FaultCode.LiftHomeSwitchMissing, "LiftHomeSwitchMissing", FaultCategory.Lift, false,
                "Going home, the encoder passed lift.home_window_mm below home and the home switch never came (switch stuck open, wiring, or the encoder counts wrong).",
                "Check the home switch and its wiring, then the encoder and its coupling; reset; home."),
            new FaultRow(FaultCode.LiftPastContact, "LiftPastContact", FaultCategory.Lift, false,
                "Moving up into contact, the encoder passed the vehicle height by more than half of lift.seal_compression_mm: the lift was stopped before it pressed the pack into the car.",
                "Keep the vehicle in the bay; inspect the pack, seals and vehicle underbody; check the encoder and lift.vehicle_height_mm; reset; home."),
            new FaultRow(FaultCode.LockEngageTimeout, "LockEngageTimeout", FaultCategory.Lock, false,
                "A lock did not read locked (and only locked) within lock.travel_ms.",
                "Inspect the lock and its sensors; make sure the pack sits correctly; reset; home."),
            new FaultRow(FaultCode.LockReleaseTimeout, "LockReleaseTimeout", FaultCategory.Lock, false,
                "A lock did not read unlocked (and only unlocked) within lock.travel_ms.",
                "Inspect the lock and its sensors; reset; home."),
            new FaultRow(FaultCode.LockSensorConflict, "LockSensorConflict", FaultCategory.Lock, false,
                "A lock reads both locked and unlocked at once.",
                "Check the lock's two sensors and their wiring; reset; home."),
            new FaultRow(FaultCode.LockTooFast, "LockTooFast", FaultCategory.Lock, false,
                "A lock read its end position sooner than lock.min_travel_ms after it was driven: a lock cannot travel that fast, so the sensor is not believed (stuck or shorted).",
                "Check the lock's sensors (stuck, shorted) and that the latch really moves; reset; home."),
            new FaultRow(FaultCode.LockLeftEndPosition, "LockLeftEndPosition", FaultCategory.Lock, false,
                "A lock held at its end position during a swap stopped reading it (sensor dropped, flickering, or the latch moved).",
                "Keep the vehicle in the bay; check the latch and its sensor before anyone moves the vehicle; reset; home."),
            new FaultRow(FaultCode.LiftFollowingError, "LiftFollowingError", FaultCategory.Lift, false,
                "The lift encoder fell behind the travel the drive was commanded by more than lift.following_error_mm while it still counted: a slipping coupling, a wrong encoder scale, or a drive too weak for its load.",
                "Check the encoder coupling and its counts per mm against the lift, and the drive's load; reset; home."),
            new FaultRow(FaultCode.LiftRunaway, "LiftRunaway", FaultCategory.Lift, false,
                "The lift moved further than commanded by more than lift.following_error_mm, or against the commanded direction by half of it: the drive ran away from its speed reference.",
                "Keep the bay clear; check the lift drive, its speed reference and enable wiring, and the brake before any further motion; reset; home."),
            new FaultRow(FaultCode.LiftEncoderJump, "LiftEncoderJump", FaultCategory.Lift, false,
                "The lift encoder count changed between two samples by more than the lift can travel at full speed: a wrapping counter, noise or a preset.",
                "Check the encoder, its cable and shield, and that the counter is extended in software; reset; home."),
            new FaultRow(FaultCode.LiftContactEarly, "LiftContactEarly", FaultCategory.Lift, false,
                "Moving up into contact, the platform's pack-contact sensor made while the encoder was still below the contact zone: the pack sits lower than lift.vehicle_height_mm, or the encoder reads low.",
                "Keep the vehicle in the bay; measure the vehicle's pack height against lift.vehicle_height_mm; check the encoder and the contact sensor; reset; home."),
            new FaultRow(FaultCode.ControlTickLate, "ControlTickLate", FaultCategory.Interlock, false,
                "A control tick came later than safety.tick_late_ms after the one before while an actuator was driven: the firmware could not watch the motion in between.",
                "Check what blocked the control loop (log, CPU load, storage); reset; home."),
            new FaultRow(FaultCode.StagingTimeout, "StagingTimeout", FaultCategory.PackHandling, false,
                "The charged pack did not reach the staging point within conveyor.staging_timeout_ms.",
                "Check the rack feed point, the staging conveyor and the staging sensor; reset; home."),
            new FaultRow(FaultCode.TransferTimeout, "TransferTimeout", FaultCategory.PackHandling, false,
                "The transfer conveyor did not put the depleted pack at the return point and the charged pack on the lift within conveyor.transfer_timeout_ms.",
                "Check the transfer conveyor, the lift and return-point sensors; reset; home."),
            new FaultRow(FaultCode.PackNotOnLift, "PackNotOnLift", FaultCategory.PackHandling, false,
                "After lowering the depleted pack, the lift's pack sensor sees no pack.",
                "Check where the depleted pack is (still in the vehicle? on the floor?); fix the inventory; reset; home."),
            new FaultRow(FaultCode.UnexpectedPack, "UnexpectedPack", FaultCategory.PackHandling, false,
                "A pack sensor sees a pack where the inventory has none.",
                "Check the sensor and remove or record the pack; reset; home."),
            new FaultRow(FaultCode.LiftNotAtTransferHeight, "LiftNotAtTransferHeight", FaultCategory.PackHandling, false,
                "Transfer refused to start: the lift is not at transfer height by both the encoder (within lift.home_window_mm) and the home switch; nothing moved.",
                "Check the home switch and the encoder against the real lift height; check the pack on the lift; reset; home."),
            new FaultRow(FaultCode.StepPreconditionFailed, "StepPreconditionFailed", FaultCategory.PackHandling, false,
                "A swap step found the bay not as the step before left it (lift not at its height by encoder and switch, or locks not at their end position); it did not act.",
                "Check the lift height and the locks against their sensors; reset; home."),
            new FaultRow(FaultCode.LiftMovedWhileIdle, "LiftMovedWhileIdle", FaultCategory.Lift, false,
                "The homed lift moved more than lift.following_error_mm with no move commanded: the brake does not hold or the drive runs without its enable.",
                "Check the lift brake (air gap, wear, supply) and the drive's enable; reset; home."),
            new FaultRow(FaultCode.GateLocksNotLocked, "GateLocksNotLocked", FaultCategory.Gate, false,
                "Release gate refused: at least one lock does not read locked.",
                "Keep the vehicle in the bay; inspect the locks; reset and re-run locking by hand if needed."),
            new FaultRow(FaultCode.GateLiftNotHome, "GateLiftNotHome", FaultCategory.Gate, false,
                "Release gate refused: the lift is not at home.",
                "Keep the vehicle in the bay; check the lift and its home switch; reset; home."),
            new FaultRow(FaultCode.GateBayNotClear, "GateBayNotClear", FaultCategory.Gate, true,
                "Release gate refused: the bay is not clear (light curtain, doors or e-stop).",
                "Clear the bay and close the doors; reset."),
            new FaultRow(FaultCode.GatePackRejected, "GatePackRejected", FaultCategory.PackCheck, true,
                "Release gate refused: the pack check rejected the installed pack.",
                "Keep the vehicle in the bay; read the pack check's reason in the console; swap again with another pack."),
            new FaultRow(FaultCode.GatePackCheckTimeout, "GatePackCheckTimeout", FaultCategory.PackCheck, true,
                "Release gate refused: the pack check gave no verdict within gate.bms_timeout_ms.",
                "Keep the vehicle in the bay; check the CAN wiring to the pack; reset; retry."),
            new FaultRow(FaultCode.BmsNoAnswer, "BmsNoAnswer", FaultCategory.PackCheck, true,
                "Release gate refused: the installed pack's BMS does not answer.",
                "Keep the vehicle in the bay; check the pack connector and CAN wiring; reset; retry."),
            new FaultRow(FaultCode.PackSerialMismatch, "PackSerialMismatch", FaultCategory.PackCheck, true,
                "Release gate refused: the installed pack's serial is not the pack that was chosen.",
                "Keep the vehicle in the bay; find which pack was installed; correct the inventory; swap again."),
            new FaultRow(FaultCode.PackSocTooLow, "PackSocTooLow", FaultCategory.PackCheck, true,
                "Release gate refused: the installed pack's state of charge is below gate.min_soc_pct.",
                "Keep the vehicle in the bay; swap again with a charged pack."),
            new FaultRow(FaultCode.PackBmsFault, "PackBmsFault", FaultCategory.PackCheck, true,
                "Release gate refused: the installed pack's BMS reports a fault (cell voltage, temperature).",
                "Keep the vehicle in the bay; mark the pack faulty; swap again with another pack."),
            new FaultRow(FaultCode.PackInsulationFault, "PackInsulationFault", FaultCategory.PackCheck, true,
                "Release gate refused: the installed pack reports an insulation fault.",
                "Keep the vehicle in the bay; mark the pack faulty; swap again with another pack."),
            new FaultRow(FaultCode.PackConnectorNotMated, "PackConnectorNotMated", FaultCategory.PackCheck, true,
                "Release gate refused: the pack connector is not mated.",
                "Keep the vehicle in the bay; inspect the connector; reset; retry."),
            new FaultRow(FaultCode.PackTypeNotAccepted, "PackTypeNotAccepted", FaultCategory.PackCheck, true,
                "Release gate refused: the installed pack's battery type (BRM) is not in the accepted types.",
                "Keep the vehicle in the bay; swap again with a pack of an accepted type; check the rack inventory."),
            new FaultRow(FaultCode.PackTemperatureOutOfRange, "PackTemperatureOutOfRange", FaultCategory.PackCheck, true,
                "Release gate refused: the installed pack's lowest or highest temperature (BSM) is outside the configured range.",
                "Keep the vehicle in the bay; let the pack reach its temperature range or swap again with another pack."),
            new FaultRow(FaultCode.PackCellVoltageFault, "PackCellVoltageFault", FaultCategory.PackCheck, true,
                "Release gate refused: the installed pack's BMS reports a cell voltage too high or too low (BSM).",
                "Keep the vehicle in the bay; mark the pack faulty; swap again with another pack."),
            new FaultRow(FaultCode.PackOverTemperature, "PackOverTemperature", FaultCategory.PackCheck, true,
                "Release gate refused: the installed pack's BMS reports over-temperature (BSM).",
                "Keep the vehicle in the bay; mark the pack faulty; swap again with another pack."),
            new FaultRow(FaultCode.PackOverCurrent, "PackOverCurrent", FaultCategory.PackCheck, true,
                "Release gate refused: the installed pack's BMS reports over-current (BSM).",
                "Keep the vehicle in the bay; mark the pack faulty; swap again with another pack."),
            new FaultRow(FaultCode.BmsProtocolError, "BmsProtocolError", FaultCategory.PackCheck, true,
                "Release gate refused: the installed pack's BMS broke the GB/T 27930 exchange (BEM, BST or aborted transfers).",
                "Keep the vehicle in the bay; decode the CAN log (Station.CanTool); check the pack connector and CAN wiring; reset; retry."),
            new FaultRow(FaultCode.PackStandardMismatch, "PackStandardMismatch", FaultCategory.PackCheck, true,
                "Release gate refused: the installed pack's BMS reports a chemistry or rated energy (BRM) that contradicts the pack standard the station's record holds for it.",
                "Keep the vehicle in the bay; compare the pack's label with its record (rack set … standard); correct the record or mark the pack faulty; swap again with a pack the vehicle accepts."),
            new FaultRow(FaultCode.JournalWriteFailed, "JournalWriteFailed", FaultCategory.Storage, false,
                "The journal could not be written to storage; the station will not act without a record.",
                "Check the storage medium (flash or SD card); replace it if it keeps failing; reset; home."),
            new FaultRow(FaultCode.ControlException, "ControlException", FaultCategory.Firmware, false,
                "An unexpected exception stopped the control tick (a firmware defect): every output was switched off at once.",
                "Read the log line 'control tick stopped by an exception' and report it with the firmware version; check where every pack is; reset; home."),
            new FaultRow(FaultCode.RobotOverload, "RobotOverload", FaultCategory.Interlock, false,
                "Truck bay: the robot fork's load cell read above the maximum load while the robot could move.",
                "Check what the fork carries (a block still latched to the truck, a foreign object); check the load cell; reset; home."),
            new FaultRow(FaultCode.RobotTipping, "RobotTipping", FaultCategory.Interlock, false,
                "Truck bay: the robot's anti-tipping inclination switch opened while the robot could move.",
                "Make the bay safe; inspect the robot's rails, outriggers and the load on the fork; reset; home."),
            new FaultRow(FaultCode.ConnectorFault, "ConnectorFault", FaultCategory.Lock, false,
                "Truck bay: a block connector did not mate or unmate within its travel time, or its end sensors disagree.",
                "Inspect the connector actuator and its end switches at that block position; reset; home."),
            new FaultRow(FaultCode.GateBlockNotSecured, "GateBlockNotSecured", FaultCategory.Gate, false,
                "Truck bay release gate: a swapped block's latches are not all locked or its connector is not mated.",
                "Inspect the block's latches and connector on site; the truck stays held; reset; home."),
            new FaultRow(FaultCode.BlockNotInCradle, "BlockNotInCradle", FaultCategory.PackHandling, false,
                "Truck bay: the cradle sensor disagrees with the step (no block under the fork, or a block still in a cradle the fork emptied).",
                "Check the block positions on the truck and the fork by eye; settle the inventory at the console; reset; home."),
            new FaultRow(FaultCode.TravelAxisFault, "TravelAxisFault", FaultCategory.Lift, false,
                "Truck bay: the side-swap robot's travel axis (along the truck) tripped: stall, move or homing timeout, limit switch, encoder jump or a refused move.",
                "Read the axis's own reason in the log or the console's status; inspect the travel drive, rails and encoder; reset; home."),
            new FaultRow(FaultCode.ForkAxisFault, "ForkAxisFault", FaultCategory.Lift, false,
                "Truck bay: the side-swap robot's fork axis (into the chassis cradle) tripped: stall, move or homing timeout, limit switch, encoder jump or a refused move.",
                "Check the fork is clear of the cradle by eye; read the axis's own reason in the log or the console's status; inspect the fork drive and encoder; reset; home."),
            new FaultRow(FaultCode.OutputOnTooLong, "OutputOnTooLong", FaultCategory.Output, false,
                "A registered output stayed on longer than its maximum on-time: the device driving it did not switch it off.",
                "Find which output stayed on (log); check the controller's logic and the output driver; reset; home."),
            new FaultRow(FaultCode.OutputStuckOn, "OutputStuckOn", FaultCategory.Output, false,
                "A registered output is commanded off but its read-back reads on: welded contactor or stuck conveyor motor.",
                "Switch the bay's power off; replace the welded contactor or free the conveyor before any further motion; reset; home."),
            new FaultRow(FaultCode.OutputNoFeedback, "OutputNoFeedback", FaultCategory.Output, false,
                "A registered output is commanded on but its read-back stayed off: the contactor does not pull in, or a wire is open.",
                "Check the contactor coil, its supply and the auxiliary-contact wiring; reset; home."),
        };

        /// <summary>Number of catalogued faults (FaultCode.None is not one).</summary>
        public static int Count { get { return Rows.Length; } }

        /// <summary>The row at catalogue position <paramref name="index"/> (0..Count-1), in catalogue order.</summary>
        public static FaultRow RowAt(int index) { return Rows[index]; }

        /// <summary>The fault at catalogue row <paramref name="index"/> (0..Count-1), in catalogue order.</summary>
        public static FaultCode CodeAt(int index) { return Rows[index].Code; }

        /// <summary>The row of <paramref name="code"/>, or null for None and uncatalogued numbers.</summary>
        public static FaultRow Find(FaultCode code)
        {
            for (int i = 0; i < Rows.Length; i++)
            {
                if (Rows[i].Code == code) return Rows[i];
            }
            return null;
        }

        /// <summary>Name of the fault, e.g. "LiftStall"; "None" for none; "Unknown" for an uncatalogued number.</summary>
        public static string Name(FaultCode code)
        {
            if (code == FaultCode.None) return "None";
            FaultRow r = Find(code);
            return r == null ? "Unknown" : r.Name;
        }

        /// <summary>What the fault means, one sentence.</summary>
        public static string Meaning(FaultCode code)
        {
            FaultRow r = Find(code);
            return r == null ? "No fault, or a number this firmware does not know." : r.Meaning;
        }

        /// <summary>What the technician does about it.</summary>
        public static string Action(FaultCode code)
        {
            FaultRow r = Find(code);
            return r == null ? "Nothing." : r.Action;
        }

        /// <summary>True when an authorised remote operator may reset this fault without anyone on site.</summary>
        public static bool RemotelyResettable(FaultCode code)
        {
            FaultRow r = Find(code);
            return r != null && r.RemoteReset;
        }

        /// <summary>True when the code is in the catalogue.</summary>
        public static bool IsKnown(FaultCode code) { return Find(code) != null; }

        /// <summary>True when <paramref name="code"/> is catalogued in <paramref name="category"/> (false for None and
        /// uncatalogued numbers).</summary>
        public static bool IsIn(FaultCode code, FaultCategory category)
        {
            FaultRow r = Find(code);
            return r != null && r.Category == category;
        }

        /// <summary>The category's name as docs and the console print it (nanoFramework cannot print an enum's name).</summary>
        public static string CategoryName(FaultCategory category)
        {
            switch (category)
            {
                case FaultCategory.Interlock: return "interlock";
                case FaultCategory.Lift: return "lift";
                case FaultCategory.Lock: return "lock";
                case FaultCategory.PackHandling: return "pack handling";
                case FaultCategory.Gate: return "gate";
                case FaultCategory.PackCheck: return "pack check";
                case FaultCategory.Storage: return "storage";
                case FaultCategory.Output: return "output";
                case FaultCategory.Firmware: return "firmware";
                default: return "unknown";
            }
        }
    }
}
