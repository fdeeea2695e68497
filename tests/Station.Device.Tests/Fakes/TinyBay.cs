using Station.Core;

namespace Station.Device.Tests.Fakes
{
    /// <summary>The smallest plant a whole swap can run on: lift speed follows the duty, locks take LockMs to travel,
    /// conveyors take fixed times, packs are flags, the safety relay follows MotionPermit while the e-stop is released.
    /// Sensor levels are recomputed at the end of every <see cref="Step"/>; the core reads them in the tick after.</summary>
    public sealed class TinyBay
    {
        /// <summary>Lock travel time, ms.</summary>
        public const int LockMs = 400;
        /// <summary>Staging conveyor run, ms.</summary>
        public const int StagingMs = 2000;
        /// <summary>Transfer conveyor run, ms.</summary>
        public const int TransferMs = 3000;
        /// <summary>Relay pick-up delay, ms.</summary>
        public const int RelayDelayMs = 20;

        /// <summary>The bay's figures.</summary>
        public readonly StationConfig Config;
        /// <summary>The ports, wired to the fakes below.</summary>
        public readonly StationIo Io = new StationIo();
        /// <summary>Simulated time.</summary>
        public readonly FakeClock Clock = new FakeClock();
        /// <summary>Storage that outlives a controller (power cut).</summary>
        public readonly MemoryStorage Storage;

        /// <summary>Lift height, mm above home.</summary>
        public double LiftMm = 20;
        /// <summary>Per lock: 0 unlocked .. 1 locked.</summary>
        public readonly double[] LockPos;
        /// <summary>Pack positions.</summary>
        public bool VehicleHasPack = true, LiftHasPack, StagingHasPack, ReturnHasPack;
        /// <summary>Interlocks (true = safe).</summary>
        public bool EStopReleased = true, CurtainClear = true, DoorsClosed = true, VehiclePositioned = true;
        /// <summary>Fault injection: this lock does not move (-1: none).</summary>
        public int StuckLock = -1;

        /// <summary>Outputs.</summary>
        public readonly FakePwm Drive = new FakePwm();
        public readonly FakeOutput DirUp = new FakeOutput(), Enable = new FakeOutput(), Brake = new FakeOutput(),
            StagingRun = new FakeOutput(), TransferRun = new FakeOutput(), Permit = new FakeOutput(), WatchdogKick = new FakeOutput();
        public readonly FakeOutput[] Engage, Release;
        /// <summary>Inputs.</summary>
        public readonly FakeEncoder Encoder = new FakeEncoder();
        public readonly FakeInput TopLimit, HomeLimit, PackContact, PackAtStaging, PackOnLift, PackAtReturn, EStop, Curtain,
            Doors, Vehicle, Relay;
        public readonly FakeInput[] Locked, Unlocked;
        /// <summary>The banks every input above sits on (32 each, like port registers), in order.</summary>
        public readonly FakeInputBank[] Banks = new FakeInputBank[2];
        private int _bankCount;

        private int _relayOnMs, _stagingRunMs, _transferRunMs, _returnWaitMs;
        private bool _liftPackLeaving;

        /// <summary>Builds the bay with default figures and fresh storage.</summary>
        public TinyBay() : this(new StationConfig(), new MemoryStorage())
        {
        }

        /// <summary>Builds the bay over given figures and storage.</summary>
        public TinyBay(StationConfig config, MemoryStorage storage)
        {
            Config = config;
            Storage = storage;
            TopLimit = NewInput(); HomeLimit = NewInput(); PackContact = NewInput(); PackAtStaging = NewInput();
            PackOnLift = NewInput(); PackAtReturn = NewInput(); EStop = NewInput(); Curtain = NewInput();
            Doors = NewInput(); Vehicle = NewInput(); Relay = NewInput();
            int n = config.LockCount;
            LockPos = new double[n];
            Engage = new FakeOutput[n];
            Release = new FakeOutput[n];
            Locked = new FakeInput[n];
            Unlocked = new FakeInput[n];
            for (int i = 0; i < n; i++)
            {
                LockPos[i] = 1;
                Engage[i] = new FakeOutput();
                Release[i] = new FakeOutput();
                Locked[i] = NewInput();
                Unlocked[i] = NewInput();
            }
            Io.Lift.Drive = Drive; Io.Lift.DirectionAway = DirUp; Io.Lift.Enable = Enable; Io.Lift.BrakeRelease = Brake;
            Io.Lift.Encoder = Encoder; Io.Lift.FarLimit = TopLimit; Io.Lift.HomeSwitch = HomeLimit; Io.Lift.FarContact = PackContact;
            Io.Locks.Engage = Engage; Io.Locks.Release = Release; Io.Locks.LockedSensor = Locked; Io.Locks.UnlockedSensor = Unlocked;
            Io.StagingConveyor.Run = StagingRun; Io.Sensors.PackAtStaging = PackAtStaging;
            Io.TransferConveyor.Run = TransferRun; Io.Sensors.PackOnLift = PackOnLift; Io.Sensors.PackAtReturn = PackAtReturn;
            Io.Safety.EStopReleased = EStop; Io.Safety.LightCurtainClear = Curtain; Io.Safety.DoorsClosed = Doors;
            Io.Sensors.VehiclePositioned = Vehicle; Io.Safety.RelayFeedback = Relay; Io.Safety.MotionPermit = Permit;
            Io.Safety.PermitWatchdogKick = WatchdogKick;
            Io.Clock = Clock; Io.Storage = Storage; Io.Log = new FakeLog();
            UpdateSensors();
        }

        // The next input on the current bank; a full bank starts the next one (and inputs past the last bank are read alone).
        private FakeInput NewInput()
        {
            FakeInput input = _bankCount == 0 ? null : Banks[_bankCount - 1].NewInput();
            if (input != null) return input;
            if (_bankCount == Banks.Length) return new FakeInput();
            Banks[_bankCount++] = new FakeInputBank();
            return Banks[_bankCount - 1].NewInput();
        }

        /// <summary>How many times any input of the bay was read alone, not through its bank.</summary>
        public int InputsReadAlone()
        {
            int n = TopLimit.ReadCount + HomeLimit.ReadCount + PackContact.ReadCount + PackAtStaging.ReadCount
                + PackOnLift.ReadCount + PackAtReturn.ReadCount + EStop.ReadCount + Curtain.ReadCount + Doors.ReadCount
                + Vehicle.ReadCount + Relay.ReadCount;
            for (int i = 0; i < Locked.Length; i++) n += Locked[i].ReadCount + Unlocked[i].ReadCount;
            return n;
        }

        /// <summary>True when any actuator output or the motion permit is on.</summary>
        public bool AnyOutputOn()
        {
            if (Drive.Duty != 0 || Enable.State || Brake.State || StagingRun.State || TransferRun.State || Permit.State) return true;
            for (int i = 0; i < Engage.Length; i++)
            {
                if (Engage[i].State || Release[i].State) return true;
            }
            return false;
        }

        /// <summary>Advances the plant by <paramref name="ms"/> with the outputs as the core left them.</summary>
        public void Step(int ms)
        {
            bool relay = Relay.Level;
            _relayOnMs = Permit.State ? _relayOnMs + ms : 0;
            if (relay && Enable.State && Brake.State && Drive.Duty > 0)
            {
                double v = Drive.Duty * Config.MaxSpeedMmS * ms / 1000.0;
                LiftMm += DirUp.State ? v : -v;
                if (LiftMm < 0) LiftMm = 0;
                if (LiftMm > Config.TravelMm) LiftMm = Config.TravelMm;
            }
            bool allLocked = true, allUnlocked = true;
            for (int i = 0; i < LockPos.Length; i++)
            {
                if (i != StuckLock && relay)
                {
                    double d = (double)ms / LockMs;
                    if (Engage[i].State && !Release[i].State) LockPos[i] = LockPos[i] + d > 1 ? 1 : LockPos[i] + d;
                    if (Release[i].State && !Engage[i].State) LockPos[i] = LockPos[i] - d < 0 ? 0 : LockPos[i] - d;
                }
                allLocked &= LockPos[i] >= 1;
                allUnlocked &= LockPos[i] <= 0;
            }
            bool atVehicle = LiftMm >= Config.VehicleHeightMm - 2;
            if (atVehicle && VehicleHasPack && allUnlocked && !LiftHasPack) { VehicleHasPack = false; LiftHasPack = true; }
            if (atVehicle && LiftHasPack && allLocked && !VehicleHasPack) { VehicleHasPack = true; LiftHasPack = false; }
            if (StagingRun.State && relay && !StagingHasPack)
            {
                _stagingRunMs += ms;
                if (_stagingRunMs >= StagingMs) { StagingHasPack = true; _stagingRunMs = 0; }
            }
            if (TransferRun.State && relay && LiftMm <= 1)
            {
                _transferRunMs += ms;
                if (_transferRunMs >= TransferMs / 2 && LiftHasPack && !_liftPackLeaving)
                {
                    // The depleted pack slides off the platform before the charged one arrives: the sensor reads empty.
                    _liftPackLeaving = true;
                    LiftHasPack = false;
                }
                if (_transferRunMs >= TransferMs)
                {
                    _transferRunMs = 0;
                    if (_liftPackLeaving || LiftHasPack) ReturnHasPack = true;
                    _liftPackLeaving = false;
                    LiftHasPack = StagingHasPack;
                    StagingHasPack = false;
                }
            }
            if (ReturnHasPack)
            {
                _returnWaitMs += ms;
                if (_returnWaitMs >= 1000) { ReturnHasPack = false; _returnWaitMs = 0; }
            }
            UpdateSensors();
        }

        /// <summary>Recomputes every sensor from the plant state.</summary>
        public void UpdateSensors()
        {
            Encoder.Counts = 5000 + (int)(LiftMm * Config.CountsPerMm + 0.5);
            TopLimit.Level = LiftMm >= Config.TravelMm - 0.5;
            HomeLimit.Level = LiftMm <= 0.5;
            for (int i = 0; i < LockPos.Length; i++)
            {
                Locked[i].Level = LockPos[i] >= 1;
                Unlocked[i].Level = LockPos[i] <= 0;
            }
            PackAtStaging.Level = StagingHasPack;
            PackOnLift.Level = LiftHasPack;
            PackAtReturn.Level = ReturnHasPack;
            EStop.Level = EStopReleased;
            Curtain.Level = CurtainClear;
            Doors.Level = DoorsClosed;
            Vehicle.Level = VehiclePositioned;
            Relay.Level = EStopReleased && Permit.State && _relayOnMs >= RelayDelayMs;
        }
    }
}
