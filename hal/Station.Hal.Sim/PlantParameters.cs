using System;
using Station.Core;

namespace Station.Hal.Sim
{
    /// <summary>The physical figures of one simulated car bay (bottom swap). Defaults and the reasons for them are in
    /// docs/simulator.md; every figure can be changed for another bay.</summary>
    public sealed class PlantParameters
    {
        // Lift (scissor/screw lift in the pit, carrying a ~500 kg pack plus platform).

        /// <summary>Travel between the home (bottom) limit and the top limit, mm.</summary>
        public double LiftTravelMm = 1000;
        /// <summary>Height of the vehicle's pack underside above the lift's home position, mm.</summary>
        public double VehicleHeightMm = 800;
        /// <summary>Speed at duty 1.0, mm/s.</summary>
        public double LiftMaxSpeedMmS = 100;
        /// <summary>Largest acceleration the drive can give the loaded platform, mm/s².</summary>
        public double LiftAccelMmS2 = 200;
        /// <summary>Deceleration when the holding brake falls in (drive off, power loss, safe torque off), mm/s².</summary>
        public double LiftBrakeDecelMmS2 = 2000;
        /// <summary>Encoder resolution, counts per mm of lift travel.</summary>
        public double EncoderCountsPerMm = 10;
        /// <summary>The home switch's cam holds it made over the lowest part of the travel, up to this height, mm.</summary>
        public double HomeSwitchMm = 5;
        /// <summary>Mechanical end stops lie this far beyond the limit switches, mm.</summary>
        public double LiftOvertravelMm = 15;
        /// <summary>The platform touches the vehicle's pack within this distance below the pack height, mm.</summary>
        public double ContactWindowMm = 10;
        /// <summary>Compression of pack seals and platform pads above the pack height before the lift is blocked, mm.</summary>
        public double ContactComplianceMm = 6;
        /// <summary>The platform lines up with the conveyors within this distance of home, mm.</summary>
        public double TransferAlignMm = 8;
        /// <summary>PWM frequency of the lift drive's speed reference, Hz.</summary>
        public int LiftPwmHz = 1000;

        // Locks (latches of the pack in the vehicle, worked by the unlocking tools on the lift platform).

        /// <summary>Number of locks holding the pack.</summary>
        public int LockCount = 4;
        /// <summary>Time for one lock to travel between its end positions, ms.</summary>
        public int LockTravelMs = 4000;
        /// <summary>Where a lock that fails to engage jams (0 = unlocked, 1 = locked).</summary>
        public double LockJamFraction = 0.6;

        // Conveyors (roller conveyors at the transfer height).

        /// <summary>Staging conveyor length, rack feed point to staging point, mm.</summary>
        public double StagingLengthMm = 2600;
        /// <summary>Staging conveyor speed, mm/s.</summary>
        public double StagingSpeedMmS = 400;
        /// <summary>Distance staging point → lift centre, and lift centre → return point, mm.</summary>
        public double TransferPitchMm = 2400;
        /// <summary>Transfer conveyor speed, mm/s.</summary>
        public double TransferSpeedMmS = 400;
        /// <summary>Length of a pack along the conveyors, mm (packs cannot come closer than this).</summary>
        public double PackLengthMm = 2000;
        /// <summary>A pack sensor sees a pack whose centre is within this distance of the sensor, mm.</summary>
        public double PackSensorWindowMm = 30;

        // Rack and handler (stacker crane between the rack slots and the conveyors).

        /// <summary>Slots in the rack.</summary>
        public int RackSlots = 13;
        /// <summary>Charged packs in the rack at start (one slot less than the rack, so the first return fits).</summary>
        public int RackPacks = 12;
        /// <summary>Time for the handler to take a pack from its slot to the feed point, ms.</summary>
        public int HandlerFetchMs = 15000;
        /// <summary>Time for the handler to take a returned pack to a free slot, ms.</summary>
        public int HandlerStoreMs = 15000;
        /// <summary>The handler lifts a returned pack only after the transfer conveyor has stood still this long, ms.</summary>
        public int HandlerSettleMs = 500;
        /// <summary>Charging rate of packs in the rack, % state of charge per minute.</summary>
        public double ChargePctPerMin = 2.0;
        /// <summary>State of charge of the rack's packs at start, %.</summary>
        public double RackInitialSocPct = 95;
        /// <summary>Battery type of the packs (the label a BMS reports).</summary>
        public string PackType = "LFP-75kWh";
        /// <summary>Pack standards of the rack's packs: names (choco20-lfp, choco25-nmc, qiji75, …) separated by commas,
        /// given to the packs slot by slot and repeated (a mixed rack); empty = unspecified (the station's pack.standard).</summary>
        public string RackStandards = "";

        // Vehicle and safety chain.

        /// <summary>Time for a vehicle to drive in and be positioned, ms.</summary>
        public int VehicleArriveMs = 25000;
        /// <summary>Time for a released vehicle to leave the bay, ms.</summary>
        public int VehicleDepartMs = 10000;
        /// <summary>State of charge of the packs arriving vehicles bring, %.</summary>
        public double VehiclePackSocPct = 18;
        /// <summary>Pick-up time of the safety relay after the motion permit is requested, ms.</summary>
        public int SafetyRelayPickupMs = 30;
        /// <summary>The safety relay's permit watchdog: the permit drops when the controller has not toggled
        /// PermitWatchdogKick for this long, ms (0 = not fitted).</summary>
        public int PermitWatchdogMs = 100;

        /// <summary>How far the vehicles' real pack height lies from <see cref="VehicleHeightMm"/>, the height the
        /// controller is configured with, mm (negative = lower: the lift meets the pack early).</summary>
        public double VehicleHeightErrorMm = 0;

        /// <summary>The controller configuration that describes this plant truthfully (<see cref="CommissionedConfig"/>).</summary>
        public StationConfig ControllerConfig() => CommissionedConfig.For(this);

        /// <summary>Throws when a figure is impossible (the simulator reports the message).</summary>
        public void Validate()
        {
            Require(LiftTravelMm > 0, "LiftTravelMm must be > 0");
            Require(VehicleHeightMm > 0 && VehicleHeightMm < LiftTravelMm, "VehicleHeightMm must lie inside the lift travel");
            Require(LiftMaxSpeedMmS > 0 && LiftAccelMmS2 > 0 && LiftBrakeDecelMmS2 > 0, "lift speed and accelerations must be > 0");
            Require(EncoderCountsPerMm > 0, "EncoderCountsPerMm must be > 0");
            Require(HomeSwitchMm >= 0 && HomeSwitchMm < TransferAlignMm, "HomeSwitchMm must be >= 0 and below TransferAlignMm");
            Require(LiftOvertravelMm > 0 && ContactWindowMm > 0 && ContactComplianceMm >= 0, "overtravel and contact window must be > 0");
            Require(PackSensorWindowMm > 0 && PackSensorWindowMm < PackLengthMm / 2, "PackSensorWindowMm must be > 0 and below half a pack");
            Require(LockJamFraction > 0 && LockJamFraction < 1, "LockJamFraction must lie between 0 and 1");
            Require(ChargePctPerMin >= 0 && RackInitialSocPct >= 0 && RackInitialSocPct <= 100 && VehiclePackSocPct >= 0 && VehiclePackSocPct <= 100, "charge figures must be 0..100 %");
            Require(VehicleArriveMs >= 0 && VehicleDepartMs >= 0 && SafetyRelayPickupMs >= 0 && PermitWatchdogMs >= 0 && LiftPwmHz > 0, "times must be >= 0");
            Require(LockCount >= 1 && LockCount <= 16, "LockCount must be 1..16");
            foreach (string name in (RackStandards ?? "").Split(','))
                Require(name.Trim().Length == 0 || Station.Core.PackStandards.CodeOf(name) >= 0,
                    "RackStandards names pack standards: " + string.Join(", ", Station.Core.PackStandards.Names()));
            Require(LockTravelMs > 0, "LockTravelMs must be > 0");
            Require(StagingLengthMm > 0 && StagingSpeedMmS > 0, "staging conveyor length and speed must be > 0");
            Require(TransferPitchMm >= PackLengthMm && TransferSpeedMmS > 0, "TransferPitchMm must be >= PackLengthMm and speed > 0");
            Require(RackSlots >= 1 && RackPacks >= 0 && RackPacks <= RackSlots, "RackPacks must fit in RackSlots");
            Require(HandlerFetchMs >= 0 && HandlerStoreMs >= 0, "handler times must be >= 0");
            Require(VehicleHeightMm + VehicleHeightErrorMm > 0 && VehicleHeightMm + VehicleHeightErrorMm < LiftTravelMm, "VehicleHeightMm + VehicleHeightErrorMm must lie inside the lift travel");
        }

        private static void Require(bool ok, string message)
        {
            if (!ok) throw new ArgumentException(message);
        }
    }
}
