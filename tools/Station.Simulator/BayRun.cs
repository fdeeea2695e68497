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
    public sealed partial class BayRun
    {
        private readonly List<ScenarioEvent> _events;
        private readonly bool _autoHome;
        private readonly long _maxMs;
        private int _nextEvent;
        private long _armedAtMs;
        private long _stepEnteredMs;
        private long _dueMs = -1;
        private SwapState _state = SwapState.Off;
        private SwapState _lastStep = SwapState.Off;
        private FaultCode _latched = FaultCode.None;
        private long _powerBackAtMs = -1;
        private long _homeRequestedMs = -100000;
        private long _authorizeTriedMs = -100000;
        private long _settledSinceMs = -1;
        private long _lastStatusMs;
        private int _vehicles;
        private string _lastRefusal;
        private long _chargeReportMs = -100000;
        private SwapResult _current;

        /// <summary>A run of <paramref name="swaps"/> swaps on a bay with <paramref name="plant"/> figures.</summary>
        public BayRun(PlantParameters plant, int swaps, double maxSeconds = 0, List<ScenarioEvent> events = null, bool autoHome = true)
        {
            Plant = plant;
            SwapsRequested = swaps;
            _events = events ?? new List<ScenarioEvent>();
            _autoHome = autoHome;
            Config = plant.ControllerConfig();
            Clock = new SimClock();
            Storage = new MemoryStorage(Clock);
            Bay = new SimBay(plant, Clock, Storage);
            PackCan = new SimPackCan(Bay); // swaps go through the real GB/T session and BMS gate
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
        /// <summary>Faults raised, in order.</summary>
        public List<FaultSeen> Faults { get; } = new List<FaultSeen>();
        /// <summary>Every state the controller was in.</summary>
        public HashSet<string> StatesSeen { get; } = new HashSet<string>();
        /// <summary>States in which some actuator output or the motion permit was on.</summary>
        public HashSet<string> MotionSeenIn { get; } = new HashSet<string>();
        /// <summary>Recorded timeline.</summary>
        public Timeline Timeline { get; } = new Timeline();
        /// <summary>Controller restarts after simulated power losses.</summary>
        public int Restarts { get; private set; }
        /// <summary>Scenario events that fired, with their time.</summary>
        public List<string> EventsFired { get; } = new List<string>();
        /// <summary>Scenario events that never fired (the run ended first).</summary>
        public int EventsPending => _events.Count - _nextEvent;
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
                if (Controller != null && _console?.Controller == Controller) _console.Poll();
                else if (_powerBackAtMs >= 0 && Clock.NowMs >= _powerBackAtMs) RestorePower();
                Observe();
                Operate();
                RunEvents();
                if (Finished()) break;
                if (Clock.NowMs >= _maxMs) { EndReason = $"time limit {_maxMs / 1000} s reached"; break; }
            }
            Timeline.Close(Clock.NowMs);
            if (_current != null && _current.LeftMs < 0) CloseSwapWindow(_current, Clock.NowMs);
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
                _stepEnteredMs = now;
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
            if (Controller != null && Controller.LatchedFault != _latched) _latched = Controller.LatchedFault;
            if (Controller != null && AnyActuatorOn()) MotionSeenIn.Add(SwapStates.Name(s));

            var lift = Timeline.Row("lift", "actuator");
            double v = Bay.LiftVelocityMmS;
            lift.Set(now, v > 0.5 ? "up" : v < -0.5 ? "down" : null, v > 0 ? "up" : "down");
            for (int i = 0; i < Plant.LockCount; i++)
            {
                bool e = Bay.LockEngage[i].State, r = Bay.LockRelease[i].State;
                Timeline.Row($"lock {i}", "actuator").Set(now, e && !r ? "engage" : r && !e ? "release" : null, e ? "engage" : "release");
            }
            Timeline.Row("staging conveyor", "actuator").Set(now, Bay.StagingRunning ? "run" : null, "run");
            Timeline.Row("transfer conveyor", "actuator").Set(now, Bay.TransferRunning ? "run" : null, "run");
            var h = Bay.Rack.InHandler;
            Timeline.Row("rack handler", "actuator").Set(now, h == null ? null : h.Serial, "busy");
            var veh = Bay.Vehicle;
            Timeline.Row("vehicle", "actuator").Set(now, veh == null ? null : veh.State.ToString().ToLowerInvariant(), veh?.State == VehicleState.Positioned ? "ok" : "wait");
            Timeline.Row("e-stop", "interlock").Set(now, Bay.EStopReleased.Read() ? null : "pressed", "alarm");
            Timeline.Row("light curtain", "interlock").Set(now, Bay.LightCurtainClear.Read() ? null : "broken", "alarm");
            Timeline.Row("doors", "interlock").Set(now, Bay.DoorsClosed.Read() ? null : "open", "alarm");
            Timeline.Row("vehicle positioned", "interlock").Set(now, Bay.VehiclePositioned.Read() ? "positioned" : null, "ok");
            Timeline.Row("safety relay", "interlock").Set(now, Bay.SafetyRelayOk.Read() ? "on" : null, "ok");
            Timeline.Row("motion permit", "interlock").Set(now, Bay.MotionPermit.State ? "on" : null, "ok");
        }

        private bool AnyActuatorOn()
        {
            if (Bay.LiftDrive.Duty > 0) return true;
            foreach (var o in Bay.Outputs) if (o.State) return true;
            return false;
        }

        // The simulated people: the operator homes the station when it asks for it, vehicles come one after another,
        // the booking authorises each positioned vehicle once, and a released vehicle drives off.
        private void Operate()
        {
            if (Controller == null) return;
            long now = Clock.NowMs;
            SwapState s = Controller.State;

            if (s == SwapState.NotHomed && _autoHome && Controller.LatchedFault == FaultCode.None && now - _homeRequestedMs >= 1000)
            {
                _homeRequestedMs = now;
                var r = Controller.Home();
                Say(r.Accepted ? "operator: home" : $"operator: home refused: {r.Message}");
            }

            if (s == SwapState.Idle || s == SwapState.NotHomed) ReportCharging(now);

            if (Bay.Vehicle == null && _vehicles < SwapsRequested && (_current == null || _current.LeftMs >= 0)
                && (s == SwapState.Idle || s == SwapState.NotHomed || s == SwapState.Homing))
            {
                _vehicles++;
                string id = _vehicles == 1 && FirstVehicleId != null ? FirstVehicleId : $"CAR{_vehicles:000}";
                // The first swap's booking may name its pack (--pack, checked by BookingProblem before the run).
                string packIn = _vehicles == 1 && FirstPackSerial != null && Bay.Rack.SlotOf(FirstPackSerial) >= 0 ? FirstPackSerial : ChoosePack();
                var v = Bay.ArriveVehicle(id, $"VP{_vehicles:0000}");
                _current = new SwapResult { Number = _vehicles, VehicleId = id, PackOut = v.Pack.Serial, PackIn = packIn, ArriveMs = now };
                Swaps.Add(_current);
                Timeline.Swaps.Add((_vehicles, now, -1));
                if (packIn != null) Bay.Rack.Fetch(packIn); // the booking is known at drive-in: the handler fetches meanwhile
                Say($"vehicle {id} drives in with pack {v.Pack.Serial} ({v.Pack.SocPct:0}%); chosen pack {packIn ?? "none ready yet: waiting for the chargers"}");
            }

            // No ready pack when the vehicle came: the booking waits for the chargers and fetches one once it is ready.
            if (_current != null && _current.PackIn == null && _current.AuthorizedMs < 0 && Bay.Vehicle != null)
            {
                _current.PackIn = ChoosePack();
                if (_current.PackIn != null)
                {
                    Bay.Rack.Fetch(_current.PackIn);
                    Say($"booking: pack {_current.PackIn} is ready for {_current.VehicleId}");
                }
            }

            var veh = Bay.Vehicle;
            if (_current != null && veh != null && veh.State == VehicleState.Positioned)
            {
                if (CloudAuthorizes && _current.AuthorizedMs < 0 && s != SwapState.Idle && s != SwapState.NotHomed && s != SwapState.Homing)
                {
                    _current.AuthorizedMs = now;
                    Say($"cloud: authorised {_current.VehicleId}");
                }
                if (!CloudAuthorizes && _current.AuthorizedMs < 0 && _current.PackIn != null && s == SwapState.Idle && Controller.Interlocks.VehiclePositioned && now - _authorizeTriedMs >= 1000)
                {
                    _authorizeTriedMs = now;
                    var auth = new SwapAuthorization(_current.VehicleId, _current.PackIn)
                    {
                        VehiclePackSerial = veh.Pack?.Serial,
                        VehiclePackSocPct = veh.Pack == null ? -1 : (int)veh.Pack.SocPct,
                    };
                    var r = Controller.Authorize(auth);
                    if (r.Accepted) _current.AuthorizedMs = now;
                    // the booking retries every second; say a refusal once per reason
                    if (r.Accepted) Say($"booking: authorise {_current.VehicleId} with pack {_current.PackIn}");
                    else if (r.Message != _lastRefusal) Say($"booking: authorisation refused: {r.Message} (retrying every second)");
                    _lastRefusal = r.Accepted ? null : r.Message;
                }
                if (s == SwapState.Released && _current.ReleasedMs < 0)
                {
                    _current.ReleasedMs = now;
                    Say($"swap {_current.Number} released after {_current.CycleSeconds:0.0} s; vehicle {_current.VehicleId} leaves");
                    Bay.DepartVehicle();
                }
            }
            if (_current != null && _current.LeftMs < 0 && Bay.DepartedVehicles.Count > 0
                && Bay.DepartedVehicles[^1].Id == _current.VehicleId)
            {
                _current.LeftMs = now;
                _current.LeftWith = Bay.DepartedVehicles[^1].Pack?.Serial;
                CloseSwapWindow(_current, now);
                Say($"vehicle {_current.VehicleId} has left with pack {_current.LeftWith ?? "NONE"}");
            }
        }

        // The rack's chargers tell the controller how far each pack has charged (between swaps: the controller takes
        // inventory changes only outside motion). A pack becomes ready once it reaches the minimum SOC for a swap.
        // Reported on a change of state or every 5 points, so the journal is not flooded.
        private void ReportCharging(long now)
        {
            if (now - _chargeReportMs < 10000) return;
            _chargeReportMs = now;
            var inv = Controller.Inventory;
            for (int i = 0; i < Bay.Rack.Slots.Length && i < inv.SlotCount; i++)
            {
                var pack = Bay.Rack.Slots[i];
                var rec = inv.Slot(i).Copy(); // kept as it was: the live record changes with SetRackSlot below
                if (pack == null || rec.IsEmpty || rec.Serial != pack.Serial || rec.State == PackState.Faulty) continue;
                int soc = (int)pack.SocPct;
                var state = soc >= Config.MinSocPct ? PackState.Ready : PackState.Charging;
                if (state == rec.State && soc - rec.SocPct < 5) continue;
                var r = Controller.SetRackSlot(i, pack.Serial, soc, state);
                if (r.Accepted && state != rec.State) Say($"charger: {pack.Serial} in slot {i} is {(state == PackState.Ready ? "ready" : "charging")} at {soc}%");
            }
        }

        private void CloseSwapWindow(SwapResult r, long now)
        {
            for (int i = 0; i < Timeline.Swaps.Count; i++)
                if (Timeline.Swaps[i].Swap == r.Number && Timeline.Swaps[i].EndMs < 0) Timeline.Swaps[i] = (r.Number, Timeline.Swaps[i].StartMs, now);
        }

        private string ChoosePack()
        {
            // Only a pack the controller holds ready: fetching one still charging would take it off its charger.
            int slot = Controller.Inventory.ChooseReady(Config.MinSocPct);
            if (slot < 0) return null;
            string serial = Controller.Inventory.Slot(slot).Serial;
            return Bay.Rack.SlotOf(serial) >= 0 ? serial : null;
        }

        private void RunEvents()
        {
            long now = Clock.NowMs;
            while (_nextEvent < _events.Count)
            {
                var e = _events[_nextEvent];
                if (_dueMs < 0)
                {
                    long? due = null;
                    if (e.AtSeconds != null) due = Math.Max((long)(e.AtSeconds.Value * 1000), _armedAtMs) + e.AfterMs;
                    else if (e.AtStep != null)
                    {
                        bool inStep = Controller != null && SwapStates.Name(Controller.State) == e.AtStep
                            && (e.Swap == 0 || (_current != null && _current.Number == e.Swap));
                        if (inStep) due = Math.Max(_stepEnteredMs, _armedAtMs) + e.AfterMs;
                    }
                    else due = _armedAtMs + e.AfterMs;
                    if (due == null) return;
                    _dueMs = due.Value;
                }
                if (now < _dueMs) return;
                Fire(e);
                _nextEvent++;
                _armedAtMs = now;
                _dueMs = -1;
            }
        }

        private bool Finished()
        {
            if (Controller == null || _nextEvent < _events.Count) { _settledSinceMs = -1; return false; }
            SwapState s = Controller.State;
            bool allDone = _vehicles >= SwapsRequested && (_current == null || _current.LeftMs >= 0) && s == SwapState.Idle;
            if (allDone) { EndReason = SwapsRequested == 0 ? "station idle" : $"all {SwapsRequested} swaps done"; return true; }
            bool waiting = s == SwapState.Faulted || s == SwapState.Recovery || (s == SwapState.NotHomed && !_autoHome)
                || (s == SwapState.Idle && _current != null && _current.AuthorizedMs >= 0 && _current.ReleasedMs < 0);
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
            string swap = _current == null ? "      " : $"swap {_current.Number}/{SwapsRequested}";
            string step = Controller == null ? "POWER OFF" : SwapStates.Name(Controller.State);
            string packs = $"staging {(Bay.PackAtStaging.Truth ? "■" : "·")} lift {(Bay.PackOnLift.Truth ? "■" : "·")} return {(Bay.PackAtReturn.Truth ? "■" : "·")}";
            string vehicle = Bay.Vehicle == null ? "bay empty" : "vehicle " + Bay.Vehicle.State.ToString().ToLowerInvariant();
            return string.Format(c, "{0,-10} {1,-13} lift {2,6:0.0} mm {3,6:+0;-0;0} mm/s  locks {4}L/{5}U  {6}  {7}",
                swap, step, Bay.LiftPositionMm, Bay.LiftVelocityMmS, locked, unlocked, packs, vehicle);
        }

        private void Say(string text)
        {
            Progress?.Invoke(string.Format(CultureInfo.InvariantCulture, "[{0,8:0.00} s] {1}", Clock.NowMs / 1000.0, text));
        }
    }
}
