using System;
using Station.Hal;

namespace Station.Core.Tests.Bay
{
    /// <summary>A small deterministic plant for the core's tests: simple lift kinematics (speed follows duty), locks
    /// with travel time, conveyors with fixed run times, packs as flags, interlocks as settable inputs, a safety relay
    /// that follows MotionPermit while the e-stop is released. Fault injection by public fields.</summary>
    public sealed class TestBay
    {
        public readonly StationConfig Config;
        public readonly TestClock Clock = new TestClock();
        public readonly TestStorage Storage;
        public readonly TestLog Log = new TestLog();
        public readonly StationIo Io = new StationIo();

        // Plant figures.
        public int LockMs = 600;
        public int StagingMs = 5000;
        public int TransferMs = 6000;
        public int ReturnClearMs = 2000;
        public int RelayDelayMs = 20;

        // Plant state.
        public double LiftMm = 37;          // unknown to the controller until homing
        public int EncoderOffset = 12345;   // incremental encoder: arbitrary count at power-up
        public double[] LockPos;            // 0 unlocked .. 1 locked
        public bool VehicleHasPack = true;
        public bool LiftHasPack;
        public bool StagingHasPack;
        public bool ReturnHasPack;
        public int StagingRunMs, TransferRunMs, ReturnWaitMs, RelayOnMs;
        private bool _liftPackLeaving;

        // Interlock inputs (true = safe).
        public bool EStopReleased = true, CurtainClear = true, DoorsClosed = true, VehiclePositioned = true;

        // Fault injection.
        public double StallAtMm = double.NaN;   // lift stops moving once it passes this height
        public int StuckLock = -1;               // this lock does not move
        public bool RelayDead;                   // relay never closes
        public bool RelayWelded;                 // relay always reads closed
        public bool StagingBroken, TransferBroken;

        public readonly TestPwm Drive = new TestPwm();
        public readonly TestOutput DirUp = new TestOutput(), Enable = new TestOutput(), Brake = new TestOutput();
        public readonly TestOutput StagingRun = new TestOutput(), TransferRun = new TestOutput(), Permit = new TestOutput(), WatchdogKick = new TestOutput();
        public readonly TestOutput[] Engage, Release;
        public readonly TestEncoder Encoder = new TestEncoder();
        public readonly TestInput TopLimit = new TestInput(), HomeLimit = new TestInput(), PackContact = new TestInput();
        public readonly TestInput[] LockedSensor, UnlockedSensor;
        public readonly TestInput PackAtStaging = new TestInput(), PackOnLift = new TestInput(), PackAtReturn = new TestInput();
        public readonly TestInput EStop = new TestInput(), Curtain = new TestInput(), Doors = new TestInput(),
            Vehicle = new TestInput(), Relay = new TestInput();

        public TestBay(StationConfig config = null, TestStorage storage = null)
        {
            Config = config ?? new StationConfig();
            Storage = storage ?? new TestStorage();
            int n = Config.LockCount;
            LockPos = new double[n];
            for (int i = 0; i < n; i++) LockPos[i] = 1;
            Engage = new TestOutput[n];
            Release = new TestOutput[n];
            LockedSensor = new TestInput[n];
            UnlockedSensor = new TestInput[n];
            for (int i = 0; i < n; i++)
            {
                int k = i;
                Engage[i] = new TestOutput();
                Release[i] = new TestOutput();
                LockedSensor[i] = new TestInput { Source = () => LockPos[k] >= 1 };
                UnlockedSensor[i] = new TestInput { Source = () => LockPos[k] <= 0 };
            }
            TopLimit.Source = () => LiftMm >= Config.TravelMm - 0.5;
            HomeLimit.Source = () => LiftMm <= 0.5;
            PackAtStaging.Source = () => StagingHasPack;
            PackOnLift.Source = () => LiftHasPack;
            PackAtReturn.Source = () => ReturnHasPack;
            EStop.Source = () => EStopReleased;
            Curtain.Source = () => CurtainClear;
            Doors.Source = () => DoorsClosed;
            Vehicle.Source = () => VehiclePositioned;
            Relay.Source = () => RelayWelded || (!RelayDead && EStopReleased && Permit.State && RelayOnMs >= RelayDelayMs);

            Io.Lift.Drive = Drive; Io.Lift.DirectionAway = DirUp; Io.Lift.Enable = Enable; Io.Lift.BrakeRelease = Brake;
            Io.Lift.Encoder = Encoder; Io.Lift.FarLimit = TopLimit; Io.Lift.HomeSwitch = HomeLimit; Io.Lift.FarContact = PackContact;
            Io.Locks.Engage = Engage; Io.Locks.Release = Release; Io.Locks.LockedSensor = LockedSensor; Io.Locks.UnlockedSensor = UnlockedSensor;
            Io.StagingConveyor.Run = StagingRun; Io.Sensors.PackAtStaging = PackAtStaging;
            Io.TransferConveyor.Run = TransferRun; Io.Sensors.PackOnLift = PackOnLift; Io.Sensors.PackAtReturn = PackAtReturn;
            Io.Safety.EStopReleased = EStop; Io.Safety.LightCurtainClear = Curtain; Io.Safety.DoorsClosed = Doors;
            Io.Sensors.VehiclePositioned = Vehicle; Io.Safety.RelayFeedback = Relay; Io.Safety.MotionPermit = Permit;
            Io.Safety.PermitWatchdogKick = WatchdogKick;
            Io.Clock = Clock; Io.Storage = Storage; Io.Log = Log;
            UpdateEncoder();
        }

        /// <summary>True when any actuator output or the motion permit is on.</summary>
        public bool AnyOutputOn()
        {
            if (Drive.Duty != 0 || Enable.State || Brake.State || StagingRun.State || TransferRun.State || Permit.State) return true;
            for (int i = 0; i < Engage.Length; i++) if (Engage[i].State || Release[i].State) return true;
            return false;
        }

        /// <summary>Power cut: every output drops (the physical state of the plant stays).</summary>
        public void PowerLoss()
        {
            Drive.SetDuty(0); DirUp.Write(false); Enable.Write(false); Brake.Write(false);
            StagingRun.Write(false); TransferRun.Write(false); Permit.Write(false);
            for (int i = 0; i < Engage.Length; i++) { Engage[i].Write(false); Release[i].Write(false); }
        }

        public void Step(int ms)
        {
            bool relay = Relay.Read();
            RelayOnMs = Permit.State ? RelayOnMs + ms : 0;
            // Lift: speed follows the duty when enabled, brake released and the relay lets the drive run.
            if (relay && Enable.State && Brake.State && Drive.Duty > 0)
            {
                double v = Drive.Duty * Config.MaxSpeedMmS;
                double next = LiftMm + (DirUp.State ? v : -v) * ms / 1000.0;
                if (!double.IsNaN(StallAtMm) && ((LiftMm < StallAtMm && next >= StallAtMm) || (LiftMm > StallAtMm && next <= StallAtMm))) next = StallAtMm;
                if (!double.IsNaN(StallAtMm) && LiftMm == StallAtMm) next = StallAtMm;
                LiftMm = Math.Max(0, Math.Min(Config.TravelMm, next));
            }
            UpdateEncoder();
            // Locks.
            for (int i = 0; i < LockPos.Length; i++)
            {
                if (i == StuckLock || !relay) continue;
                double d = (double)ms / LockMs;
                if (Engage[i].State && !Release[i].State) LockPos[i] = Math.Min(1, LockPos[i] + d);
                if (Release[i].State && !Engage[i].State) LockPos[i] = Math.Max(0, LockPos[i] - d);
            }
            bool allUnlocked = true, allLocked = true;
            foreach (double p in LockPos) { allUnlocked &= p <= 0; allLocked &= p >= 1; }
            bool atVehicle = LiftMm >= Config.VehicleHeightMm - 2;
            if (atVehicle && VehicleHasPack && allUnlocked && !LiftHasPack) { VehicleHasPack = false; LiftHasPack = true; }
            if (atVehicle && LiftHasPack && allLocked && !VehicleHasPack) { VehicleHasPack = true; LiftHasPack = false; }
            // Staging conveyor: the rack handler has put the chosen pack at the feed point.
            if (StagingRun.State && relay && !StagingBroken && !StagingHasPack)
            {
                StagingRunMs += ms;
                if (StagingRunMs >= StagingMs) { StagingHasPack = true; StagingRunMs = 0; }
            }
            // Transfer conveyor: only at transfer height.
            if (TransferRun.State && relay && !TransferBroken && LiftMm <= 1)
            {
                TransferRunMs += ms;
                if (TransferRunMs >= TransferMs / 2 && LiftHasPack && !_liftPackLeaving)
                {
                    // The depleted pack slides off the platform before the charged one arrives: the sensor reads empty.
                    _liftPackLeaving = true;
                    LiftHasPack = false;
                }
                if (TransferRunMs >= TransferMs)
                {
                    TransferRunMs = 0;
                    if (_liftPackLeaving || LiftHasPack) ReturnHasPack = true;
                    _liftPackLeaving = false;
                    LiftHasPack = StagingHasPack;
                    StagingHasPack = false;
                }
            }
            // Rack handler clears the return point.
            if (ReturnHasPack)
            {
                ReturnWaitMs += ms;
                if (ReturnWaitMs >= ReturnClearMs) { ReturnHasPack = false; ReturnWaitMs = 0; }
            }
        }

        /// <summary>A technician's hands after a transfer stopped part-way: a run that had begun is finished (the packs
        /// pushed to where it was taking them). True when a run had begun.</summary>
        public bool FinishTransferByHand()
        {
            if (TransferRunMs == 0 && !_liftPackLeaving) return false;
            if (_liftPackLeaving || LiftHasPack) ReturnHasPack = true;
            _liftPackLeaving = false;
            LiftHasPack = StagingHasPack;
            StagingHasPack = false;
            TransferRunMs = 0;
            return true;
        }

        private void UpdateEncoder() => Encoder.Counts = EncoderOffset + (int)Math.Round(LiftMm * Config.CountsPerMm);
    }
}
