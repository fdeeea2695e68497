using System;
using System.Collections.Generic;
using System.Globalization;
using Station.Core;
using Station.Core.Config;
using Station.Hal;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>One simulated run: the real <see cref="StationController"/> on a <see cref="SimBay"/>, vehicles arriving
    /// one after another, a simulated operator (homes, authorises, lets released vehicles go), scenario events, and a
    /// recorder for the progress lines, the timeline and the summary.</summary>
    /// <remarks>
    /// Each tick: the clock advances by the controller's TickMs, the plant steps, the controller ticks, then the
    /// simulator observes and acts. A scenario power loss drops the plant's supply and throws the controller away;
    /// on restore a new controller is built on the same storage (the journal) and started, as a real board would boot.
    /// </remarks>
    public sealed class BayRun
    {
        private readonly ScenarioSchedule _schedule;
        private readonly CarFaultInjector _faults;
        private readonly OperatorCommands _commands;
        private readonly CarOperator _operator;
        private readonly long _maxMs;
        private SwapState _state = SwapState.Off;
        private SwapState _lastStep = SwapState.Off;
        private long _powerBackAtMs = -1;
        private long _settledSinceMs = -1;
        private long _lastStatusMs;

        /// <summary>A run of <paramref name="swaps"/> swaps on a bay with <paramref name="plant"/> figures.</summary>
        public BayRun(PlantParameters plant, int swaps, double maxSeconds = 0, List<ScenarioEvent> events = null, bool autoHome = true)
        {
            Plant = plant;
            SwapsRequested = swaps;
            _schedule = new ScenarioSchedule(events);
            AutoHome = autoHome;
            Config = plant.ControllerConfig();
            Clock = new SimClock();
            Storage = new MemoryStorage(Clock);
            Bay = new SimBay(plant, Clock, Storage);
            PackCan = new SimPackCan(Bay); // swaps go through the real GB/T session and BMS gate
            _faults = new CarFaultInjector(this);
            _commands = new OperatorCommands(() => Controller, Clock, Record);
            _operator = new CarOperator(this);
            double defaultMax = 120 + swaps * (CriticalPath.Compute(plant).TotalSeconds * 3 + (plant.VehicleArriveMs + plant.VehicleDepartMs) / 1000.0 + 60);
            _maxMs = (long)(Math.Min(maxSeconds > 0 ? maxSeconds : defaultMax, 86400) * 1000); // at most a simulated day
        }

        /// <summary>Plant figures.</summary>
        public PlantParameters Plant { get; }
        /// <summary>The controller's configuration, matched to the plant.</summary>
        public StationConfig Config { get; }
        /// <summary>Simulated time.</summary>
        public SimClock Clock { get; }
        /// <summary>The storage that survives power losses.</summary>
        public MemoryStorage Storage { get; }
        /// <summary>The plant.</summary>
        public SimBay Bay { get; }
        /// <summary>The pack CAN: virtual bus, simulated BMS, the station's BMS gate check.</summary>
        public SimPackCan PackCan { get; }
        /// <summary>The controller now running (a new one after each simulated power loss).</summary>
        public StationController Controller { get; private set; }
        /// <summary>Swaps asked for.</summary>
        public int SwapsRequested { get; }
        /// <summary>Every vehicle's visit.</summary>
        public List<SwapResult> Swaps { get; } = new List<SwapResult>();
        /// <summary>What the run saw (faults, states, history, timeline).</summary>
        public RunRecord Record { get; } = new RunRecord();
        /// <summary>Faults raised, in order.</summary>
        public List<FaultSeen> Faults => Record.Faults;
        /// <summary>Every state the controller was in.</summary>
        public HashSet<string> StatesSeen => Record.StatesSeen;
        /// <summary>States in which some actuator output or the motion permit was on.</summary>
        public HashSet<string> MotionSeenIn => Record.MotionSeenIn;
        /// <summary>Recorded timeline.</summary>
        public Timeline Timeline => Record.Timeline;
        /// <summary>What happened, in order ("state:NAME", "fault:NAME", "do:ACTION").</summary>
        public List<string> History => Record.History;
        /// <summary>Operator commands whose answer differed from the event's "expect" (one line each).</summary>
        public List<string> CommandFailures => Record.CommandFailures;
        /// <summary>Controller restarts after simulated power losses.</summary>
        public int Restarts { get; private set; }
        /// <summary>Scenario events that fired, with their time.</summary>
        public List<string> EventsFired => Record.EventsFired;
        /// <summary>Scenario events that never fired (the run ended first).</summary>
        public int EventsPending => _schedule.Pending;
        /// <summary>Drops (false) or restores (true) the cloud link, when the run has one (--broker); null: no link.</summary>
        public Action<bool> CloudLink { get; set; }
        /// <summary>True: the simulated operator homes the station whenever it asks to be homed.</summary>
        public bool AutoHome { get; }
        /// <summary>The swap of the vehicle now in the bay (or the last one), or null before the first.</summary>
        public SwapResult Current => _operator.Current;
        /// <summary>A scenario's late tick still to come, ms (the plant runs on while the controller does not tick).</summary>
        internal int TickLateMs { get; set; }
        /// <summary>Seconds the power stays off after a torn replace (negative: no torn replace armed).</summary>
        internal double TornReplaceOffS { get; set; } = -1;
        /// <summary>Called with each controller after it started (first boot and after a simulated power loss).</summary>
        public Action<StationController> ControllerStarted { get; set; }
        /// <summary>Called once per tick after the controller's tick (e.g. the cloud link's tick).</summary>
        public Action AfterTick { get; set; }
        /// <summary>Where progress lines go (null = nowhere).</summary>
        public Action<string> Progress { get; set; }
        /// <summary>Seconds of simulated time between status lines (0 = only on changes).</summary>
        public double StatusEverySeconds { get; set; }
        /// <summary>Vehicle id of the first swap (--vehicle), or null for CAR001.</summary>
        public string FirstVehicleId { get; set; }

        /// <summary>When true the simulated booking never authorises: each positioned vehicle waits for the cloud's
        /// swap.authorize (--cloud-authorize).</summary>
        public bool CloudAuthorizes { get; set; }
        /// <summary>Rack pack the first swap is authorised with (--pack), or null for the readiest pack.</summary>
        public string FirstPackSerial { get; set; }

        /// <summary>Why <see cref="FirstPackSerial"/> cannot be booked (not in the rack, not charged to the ready
        /// threshold), or null when it can (or none is asked for). Call before <see cref="Run"/>.</summary>
        public string BookingProblem()
        {
            if (FirstPackSerial == null) return null;
            int slot = Bay.Rack.SlotOf(FirstPackSerial);
            if (slot < 0)
            {
                var serials = new List<string>();
                foreach (var p in Bay.Rack.Slots) if (p != null) serials.Add(p.Serial);
                return $"pack {FirstPackSerial} is not in the rack (it holds {(serials.Count == 0 ? "no packs" : string.Join(", ", serials))})";
            }
            double soc = Bay.Rack.Slots[slot].SocPct;
            if (soc < Config.MinSocPct)
                return $"pack {FirstPackSerial} in slot {slot} is not ready: charged to {soc:0} %, a ready pack needs {Config.MinSocPct} %";
            return null;
        }

        /// <summary>Why the run stopped.</summary>
        public string EndReason { get; private set; }
        /// <summary>Completed swaps.</summary>
        public int SwapsCompleted => Swaps.FindAll(s => s.Completed).Count;
        /// <summary>The controller's state now (Off while the power is off).</summary>
        public SwapState State => Controller == null ? SwapState.Off : Controller.State;


        /// <summary>Runs to the end: every swap done and the station idle, or the station stuck (faulted, waiting for
        /// recovery) with no scenario event left, or the time limit.</summary>
        public void Run()
        {
            StartController();
            int tick = Config.TickMs;
            while (true)
            {
                RunLateTicks(tick);
                Clock.Advance(tick);
                Bay.Step(tick);
                if (Controller != null) { Controller.Tick(); AfterTick?.Invoke(); CutPowerAfterTornReplace(); }
                if (Controller != null && _operator.ConsoleOn(Controller)) _operator.PollConsole();
                else if (_powerBackAtMs >= 0 && Clock.NowMs >= _powerBackAtMs) RestorePower();
                Observe();
                _operator.Operate();
                _schedule.Run(Clock.NowMs, Controller == null ? null : SwapStates.Name(Controller.State), Current?.Number ?? 0, Fire);
                if (Finished()) break;
                if (Clock.NowMs >= _maxMs) { EndReason = $"time limit {_maxMs / 1000} s reached"; break; }
            }
            Timeline.Close(Clock.NowMs);
            if (Current != null && Current.LeftMs < 0) _operator.CloseSwapWindow(Current, Clock.NowMs);
            Say($"run ended: {EndReason}");
        }

        private void StartController()
        {
            Controller = new StationController(Bay.Io, Config);
            // The gate's pack types and temperature range come from the configuration table, as on a board.
            var values = new ConfigValues();
            ConfigMapping.FromStationConfig(Config, values);
            Controller.PackCheck = PackCan.CreateCheck(Config, Station.Core.Can.BmsCheckConfig.From(values));
            Controller.FaultChanged += OnFault;
            Controller.Start();
            if (Restarts == 0) Bay.SeedInventory(Controller); // first boot; after a power loss the inventory comes from the journal
            ControllerStarted?.Invoke(Controller);
        }

        private void OnFault(FaultCode code, bool raised)
        {
            if (!raised) return;
            string step = SwapStates.Name(_lastStep);
            Faults.Add(new FaultSeen((int)code, FaultCatalogue.Name(code), step, Clock.NowMs));
            History.Add("fault:" + FaultCatalogue.Name(code));
            Timeline.Mark(Clock.NowMs, $"fault {(int)code} {FaultCatalogue.Name(code)}", "fault");
            Say($"FAULT {(int)code} {FaultCatalogue.Name(code)} in {step}: {FaultCatalogue.Meaning(code)}");
        }

        private void Observe()
        {
            long now = Clock.NowMs;
            SwapState s = State;
            if (s != _state)
            {
                _state = s;
                _schedule.StepEntered(now);
                StatesSeen.Add(SwapStates.Name(s));
                History.Add("state:" + SwapStates.Name(s));
                if (s != SwapState.Faulted && s != SwapState.Off) _lastStep = s;
                Timeline.Row("sequencer", "sequencer").Set(now, SwapStates.Name(s), s == SwapState.Faulted ? "fault" : "state");
                Say(Status());
                if (s == SwapState.Transfer && Controller != null) Bay.Rack.ReturnSlot = Controller.Inventory.ReturnSlot;
            }
            else if (StatusEverySeconds > 0 && now - _lastStatusMs >= StatusEverySeconds * 1000)
            {
                Say(Status());
            }
            if (Controller != null && CarTimeline.AnyActuatorOn(Bay)) MotionSeenIn.Add(SwapStates.Name(s));
            CarTimeline.Record(Timeline, Bay, Plant, now);
        }

        private bool Finished()
        {
            if (Controller == null || _schedule.Pending > 0) { _settledSinceMs = -1; return false; }
            SwapState s = Controller.State;
            bool allDone = _operator.Vehicles >= SwapsRequested && (Current == null || Current.LeftMs >= 0) && s == SwapState.Idle;
            if (allDone) { EndReason = SwapsRequested == 0 ? "station idle" : $"all {SwapsRequested} swaps done"; return true; }
            bool waiting = s == SwapState.Faulted || s == SwapState.Recovery || (s == SwapState.NotHomed && !AutoHome)
                || (s == SwapState.Idle && Current != null && Current.AuthorizedMs >= 0 && Current.ReleasedMs < 0);
            if (!waiting) { _settledSinceMs = -1; return false; }
            if (_settledSinceMs < 0) _settledSinceMs = Clock.NowMs;
            if (Clock.NowMs - _settledSinceMs < 5000) return false;
            EndReason = $"station waits in {SwapStates.Name(s)}" + (Controller.LatchedFault != FaultCode.None ? $" with fault {(int)Controller.LatchedFault} {FaultCatalogue.Name(Controller.LatchedFault)}" : "") + " and nothing is left to do";
            return true;
        }

        /// <summary>A status line: time, swap, step, lift, locks, pack sensors.</summary>
        public string Status()
        {
            _lastStatusMs = Clock.NowMs;
            var c = CultureInfo.InvariantCulture;
            int locked = 0, unlocked = 0;
            for (int i = 0; i < Plant.LockCount; i++) { if (Bay.LockLocked[i].Truth) locked++; if (Bay.LockUnlocked[i].Truth) unlocked++; }
            string swap = Current == null ? "      " : $"swap {Current.Number}/{SwapsRequested}";
            string step = Controller == null ? "POWER OFF" : SwapStates.Name(Controller.State);
            string packs = $"staging {(Bay.PackAtStaging.Truth ? "■" : "·")} lift {(Bay.PackOnLift.Truth ? "■" : "·")} return {(Bay.PackAtReturn.Truth ? "■" : "·")}";
            string vehicle = Bay.Vehicle == null ? "bay empty" : "vehicle " + Bay.Vehicle.State.ToString().ToLowerInvariant();
            return string.Format(c, "{0,-10} {1,-13} lift {2,6:0.0} mm {3,6:+0;-0;0} mm/s  locks {4}L/{5}U  {6}  {7}",
                swap, step, Bay.LiftPositionMm, Bay.LiftVelocityMmS, locked, unlocked, packs, vehicle);
        }

        /// <summary>A progress line stamped with the simulated time.</summary>
        internal void Say(string text)
        {
            Progress?.Invoke(string.Format(CultureInfo.InvariantCulture, "[{0,8:0.00} s] {1}", Clock.NowMs / 1000.0, text));
        }

        // A late tick: the plant runs on for the extra time while the controller does not tick (control-loop overrun).
        private void RunLateTicks(int tick)
        {
            if (TickLateMs <= 0) return;
            int late = TickLateMs;
            TickLateMs = 0;
            for (int t = 0; t < late; t += tick)
            {
                Clock.Advance(tick);
                Bay.Step(tick);
            }
        }

        // A torn replace cuts the power in the tick it happened (the write was in progress when the supply failed).
        private void CutPowerAfterTornReplace()
        {
            if (TornReplaceOffS < 0 || Bay.Storage.ReplaceTornAtMs != Clock.NowMs || Controller == null) return;
            double off = TornReplaceOffS;
            TornReplaceOffS = -1;
            Say($"plant: power failed during the replace of {Bay.Storage.ReplaceTornName}: it kept half of its new bytes");
            PowerDown(false, off);
        }

        internal bool PowerDown(bool tear, double offS)
        {
            bool torn = Bay.PowerLoss(tear);
            if (Controller != null) Controller.FaultChanged -= OnFault;
            Controller = null; // the board is dead: its RAM is gone
            _powerBackAtMs = Clock.NowMs + (long)(offS * 1000);
            return torn;
        }

        private void Fire(ScenarioEvent e)
        {
            long now = Clock.NowMs;
            string text = e.Describe();
            EventsFired.Add($"{now / 1000.0:0.00} s: {text}");
            History.Add("do:" + e.Do);
            Timeline.Mark(now, e.Do, "event");
            string result = _faults.Fire(e) ?? _commands.Fire(e) ?? _operator.Fire(e, _commands);
            Say($"scenario: {text}{result}");
        }

        private void RestorePower()
        {
            _powerBackAtMs = -1;
            Bay.PowerRestore();
            Restarts++;
            Say("power restored: the controller boots on the same storage");
            StartController();
        }
    }
}
