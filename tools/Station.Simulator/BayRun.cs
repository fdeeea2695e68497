using System;
using System.Collections.Generic;
using System.Globalization;
using Station.Core;
using Station.Core.Config;
using Station.Hal;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>One simulated run, the same loop for every bay: the real <see cref="StationController"/> on the plant of
    /// a bay kind (<see cref="IBayKind"/>: the car's <see cref="SimBay"/>, the truck's <see cref="SimTruckBay"/>),
    /// vehicles arriving one after another, the kind's simulated people (home, authorise, let released vehicles go),
    /// scenario events, and a recorder for the progress lines, the timeline and the summary.</summary>
    /// <remarks>
    /// Each tick: the clock advances by the controller's TickMs, the plant steps, the controller ticks, then the
    /// simulator observes and acts. A scenario power loss drops the plant's supply and throws the controller away;
    /// on restore a new controller is built on the same storage (the journal) and started, as a real board would boot.
    /// </remarks>
    public sealed class BayRun
    {
        private readonly ScenarioSchedule _schedule;
        private readonly OperatorCommands _commands;
        private readonly IBayPeople _operator;
        private readonly long _maxMs;
        private SwapState _state = SwapState.Off;
        private SwapState _lastStep = SwapState.Off;
        private long _powerBackAtMs = -1;
        private long _settledSinceMs = -1;
        private long _lastStatusMs;

        /// <summary>A run of <paramref name="swaps"/> swaps on a car bay with <paramref name="plant"/> figures.</summary>
        public BayRun(PlantParameters plant, int swaps, double maxSeconds = 0, List<ScenarioEvent> events = null, bool autoHome = true)
            : this(new CarBayKind(plant), swaps, maxSeconds, events, autoHome)
        {
        }

        /// <summary>A run of <paramref name="swaps"/> swaps on a bay of <paramref name="kind"/>, with a scenario's
        /// <paramref name="events"/> and time limit (0: the kind's default).</summary>
        public BayRun(IBayKind kind, int swaps, double maxSeconds = 0, List<ScenarioEvent> events = null, bool autoHome = true)
        {
            Kind = kind;
            SwapsRequested = swaps;
            _schedule = new ScenarioSchedule(events);
            AutoHome = autoHome;
            _commands = new OperatorCommands(() => Controller, Clock, Record);
            _operator = kind.People(this);
            _maxMs = (long)(Math.Min(maxSeconds > 0 ? maxSeconds : kind.DefaultMaxSeconds(swaps), 86400) * 1000); // at most a simulated day
        }

        /// <summary>The bay kind: its plant, people and faults.</summary>
        public IBayKind Kind { get; }
        /// <summary>Plant figures of the shared devices (the car bay's whole plant).</summary>
        public PlantParameters Plant => Kind.Shared.Parameters;
        /// <summary>The controller's configuration, matched to the plant.</summary>
        public StationConfig Config => Kind.Config;
        /// <summary>Simulated time.</summary>
        public SimClock Clock => Kind.Clock;
        /// <summary>The storage that survives power losses.</summary>
        public MemoryStorage Storage => Kind.Storage;
        /// <summary>The plant's shared devices (on the car bay, the whole plant).</summary>
        public SimBay Bay => Kind.Shared;
        /// <summary>The car bay's pack CAN: virtual bus, simulated BMS, the station's BMS gate check (null on a truck bay).</summary>
        public SimPackCan PackCan => (Kind as CarBayKind)?.PackCan;
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
        /// <summary>Completed swaps' seconds from authorisation to release, in order.</summary>
        public List<double> CycleSeconds => Swaps.FindAll(x => x.Completed).ConvertAll(x => x.CycleSeconds);
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
                Kind.Step(tick);
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
            if (Current != null && Current.LeftMs < 0) Timeline.EndSwap(Current.Number, Clock.NowMs);
            Say($"run ended: {EndReason}");
        }

        private void StartController()
        {
            Controller = new StationController(Kind.Io, Config);
            Kind.Install(Controller);
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
            if (Controller != null && Kind.AnyActuatorOn()) MotionSeenIn.Add(SwapStates.Name(s));
            Kind.Record(Timeline, Controller, now);
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

        /// <summary>A status line: swap, step, then the plant (car: lift, locks, pack sensors; truck: robot axes, cradles).</summary>
        public string Status()
        {
            _lastStatusMs = Clock.NowMs;
            string swap = Current == null ? "      " : $"swap {Current.Number}/{SwapsRequested}";
            string step = Controller == null ? "POWER OFF" : SwapStates.Name(Controller.State);
            return string.Format(CultureInfo.InvariantCulture, "{0,-10} {1,-13} {2}", swap, step, Kind.Status());
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
                Kind.Step(tick);
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
            bool torn = Kind.PowerLoss(tear);
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
            string result = RunFaults.Fire(this, e) ?? Kind.FireFault(this, e) ?? _commands.Fire(e) ?? _operator.Fire(e, _commands);
            Say($"scenario: {text}{result}");
        }

        private void RestorePower()
        {
            _powerBackAtMs = -1;
            Kind.PowerRestore();
            Restarts++;
            Say("power restored: the controller boots on the same storage");
            StartController();
        }
    }
}
