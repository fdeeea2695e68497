using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Station.Core;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>A run on the simulated heavy-truck bay: the real <see cref="StationController"/> with bay.profile truck on
    /// a <see cref="SimTruckBay"/>; trucks carrying three blocks arrive one after another, each booked for the same
    /// positions, and leave once released; a scenario's events fire on the way (<see cref="TruckFaultInjector"/>,
    /// <see cref="OperatorCommands"/>) and the timeline records each block (<see cref="TruckTimeline"/>).</summary>
    /// <remarks>Each tick, as on the car bay: the clock advances, the plant steps, the controller ticks, then the run
    /// observes, the simulated people act and the scenario's due events fire.</remarks>
    public sealed class TruckRun
    {
        private readonly int[] _positions;
        private readonly int _mask;
        private readonly ScenarioSchedule _schedule;
        private readonly OperatorCommands _commands;
        private readonly TruckFaultInjector _faults;
        private readonly long _maxMs;
        private SwapState _state = SwapState.Off;
        private SwapState _lastStep = SwapState.Off;
        private long _homeRequestedMs = -100000;
        private long _authorizeTriedMs = -100000;
        private long _settledSinceMs = -1;
        private string _lastRefusal;
        private int _trucks;
        private SwapResult _current;

        /// <summary>A run of <paramref name="swaps"/> truck swaps of the blocks at <paramref name="positions"/>, with a
        /// scenario's <paramref name="events"/> and time limit (0: 600 s a swap) when given.</summary>
        public TruckRun(int swaps, int[] positions, List<ScenarioEvent> events = null, double maxSeconds = 0, bool autoHome = true)
        {
            SwapsRequested = swaps;
            _positions = positions;
            foreach (int p in positions) _mask |= 1 << (p - 1);
            AutoHome = autoHome;
            Clock = new SimClock();
            Storage = new MemoryStorage(Clock);
            Bay = new SimTruckBay(Clock, Storage);
            Controller = new StationController(Bay.Io, Bay.Config);
            // Each block position's BMS on its own CAN segment, as the board app wires them: blocks are BMS-verified.
            BlockCan = new SimBlockCan(Bay);
            BlockCan.Install((Station.Core.Swap.Truck.TruckBayProfile)Controller.Sequencer.Profile, Bay.Config);
            Controller.FaultChanged += OnFault;
            _schedule = new ScenarioSchedule(events);
            _commands = new OperatorCommands(() => Controller, Clock, Record);
            _faults = new TruckFaultInjector(Bay);
            _maxMs = (long)(Math.Min(maxSeconds > 0 ? maxSeconds : 600.0 * Math.Max(1, swaps) + 120, 86400) * 1000);
        }

        /// <summary>Simulated time.</summary>
        public SimClock Clock { get; }
        /// <summary>The journal's storage.</summary>
        public MemoryStorage Storage { get; }
        /// <summary>The plant.</summary>
        public SimTruckBay Bay { get; }
        /// <summary>The controller.</summary>
        public StationController Controller { get; }
        /// <summary>The block positions each booking names.</summary>
        public int[] Positions => _positions;
        /// <summary>The block positions' CAN segments and BMS checks.</summary>
        public SimBlockCan BlockCan { get; }
        /// <summary>Swaps asked for.</summary>
        public int SwapsRequested { get; }
        /// <summary>Swaps released.</summary>
        public int SwapsCompleted { get; private set; }
        /// <summary>Every truck's visit (arrival, authorisation, release, departure).</summary>
        public List<SwapResult> Swaps { get; } = new List<SwapResult>();
        /// <summary>Seconds from authorisation to release, per completed swap.</summary>
        public List<double> CycleSeconds { get; } = new List<double>();
        /// <summary>The record of each completed swap.</summary>
        public List<SwapRecord> Records { get; } = new List<SwapRecord>();
        /// <summary>What the run saw (faults, states, history, timeline).</summary>
        public RunRecord Record { get; } = new RunRecord();
        /// <summary>Faults raised, in order.</summary>
        public List<FaultSeen> Faults => Record.Faults;
        /// <summary>Scenario events that never fired (the run ended first).</summary>
        public int EventsPending => _schedule.Pending;
        /// <summary>True: the simulated operator homes the station whenever it asks to be homed.</summary>
        public bool AutoHome { get; }
        /// <summary>Progress lines (null: none).</summary>
        public Action<string> Progress { get; set; }
        /// <summary>Why the run ended.</summary>
        public string EndReason { get; private set; } = "running";

        /// <summary>Runs to the end: every swap done and the station idle, the station stuck (faulted, waiting) with no
        /// scenario event left, or the time limit.</summary>
        public void Run()
        {
            Bay.Bay.SeedInventory(Controller);
            Controller.Start();
            int tick = Bay.Config.TickMs;
            while (true)
            {
                Clock.Advance(tick);
                Bay.Step(tick);
                Controller.Tick();
                Observe();
                Operate();
                _schedule.Run(Clock.NowMs, SwapStates.Name(Controller.State), _current?.Number ?? 0, Fire);
                if (Finished()) break;
                if (Clock.NowMs >= _maxMs) { EndReason = $"time limit {_maxMs / 1000} s reached"; break; }
            }
            Record.Timeline.Close(Clock.NowMs);
            if (_current != null && _current.LeftMs < 0) CloseSwapWindow(_current, Clock.NowMs);
            Say($"run ended: {EndReason}");
        }

        private void OnFault(FaultCode code, bool raised)
        {
            if (!raised) return;
            string name = FaultCatalogue.Name(code);
            Faults.Add(new FaultSeen((int)code, name, SwapStates.Name(_lastStep), Clock.NowMs));
            Record.History.Add("fault:" + name);
            Record.Timeline.Mark(Clock.NowMs, $"fault {(int)code} {name}", "fault");
            Say($"FAULT {(int)code} {name} in {SwapStates.Name(_lastStep)}: {FaultCatalogue.Meaning(code)}");
        }

        private void Observe()
        {
            long now = Clock.NowMs;
            SwapState s = Controller.State;
            if (s != _state)
            {
                _state = s;
                _schedule.StepEntered(now);
                Record.StatesSeen.Add(SwapStates.Name(s));
                Record.History.Add("state:" + SwapStates.Name(s));
                if (s != SwapState.Faulted) _lastStep = s;
                Record.Timeline.Row("sequencer", "sequencer").Set(now, SwapStates.Name(s), s == SwapState.Faulted ? "fault" : "state");
                if (s == SwapState.Transfer) Bay.Bay.Rack.ReturnSlot = Controller.Inventory.ReturnSlot;
                Say(SwapStates.Name(s));
            }
            if (TruckTimeline.AnyActuatorOn(Bay)) Record.MotionSeenIn.Add(SwapStates.Name(s));
            TruckTimeline.Record(Record.Timeline, Bay, Controller.CurrentSwap, now);
        }

        // The simulated people: the operator homes the station when it asks, trucks come one after another, the booking
        // authorises each positioned truck once for the run's positions, and a released truck drives off.
        private void Operate()
        {
            long now = Clock.NowMs;
            SwapState s = Controller.State;
            if (s == SwapState.NotHomed && AutoHome && Controller.LatchedFault == FaultCode.None && now - _homeRequestedMs >= 1000)
            {
                _homeRequestedMs = now;
                var h = Controller.Home();
                Say(h.Accepted ? "operator: home" : $"operator: home refused: {h.Message}");
            }
            bool bayEmpty = !Bay.TruckIsPositioned && !Bay.TruckArriving && !Bay.TruckLeaving;
            if (bayEmpty && _trucks < SwapsRequested && (_current == null || _current.LeftMs >= 0)
                && (s == SwapState.Idle || s == SwapState.NotHomed || s == SwapState.Homing))
            {
                _trucks++;
                string id = $"TRK{_trucks:000}";
                Bay.ArriveTruck(id, 7);
                _current = new SwapResult { Number = _trucks, VehicleId = id, PackOut = string.Join(",", _positions.Select(p => $"T-{id}-{p}")), ArriveMs = now };
                Swaps.Add(_current);
                Record.Timeline.Swaps.Add((_trucks, now, -1));
                PrefetchBlocks();
                Say($"truck {id} drives in with blocks at 1, 2, 3; booked: {string.Join(",", _positions)}");
            }
            if (_current == null) return;
            if (_current.AuthorizedMs < 0 && Bay.TruckIsPositioned && s == SwapState.Idle && Controller.Interlocks.VehiclePositioned && now - _authorizeTriedMs >= 1000)
            {
                _authorizeTriedMs = now;
                CommandResult r = Controller.Authorize(Booking(_mask));
                if (r.Accepted) { _current.AuthorizedMs = now; Say($"booking: authorise truck {_current.VehicleId}: {r.Message}"); }
                else if (r.Message != _lastRefusal) Say($"booking: authorisation refused: {r.Message} (retrying every second)");
                _lastRefusal = r.Accepted ? null : r.Message;
            }
            if (s == SwapState.Released && _current.ReleasedMs < 0 && Bay.TruckIsPositioned)
            {
                _current.ReleasedMs = now;
                CycleSeconds.Add(_current.CycleSeconds);
                Records.Add(Controller.CurrentSwap);
                SwapsCompleted++;
                Say(string.Format(CultureInfo.InvariantCulture, "truck {0}: released after {1:0.0} s", _current.VehicleId, _current.CycleSeconds));
                Bay.DepartTruck();
            }
            if (_current.LeftMs < 0 && _current.ReleasedMs >= 0 && !Bay.TruckLeaving)
            {
                _current.LeftMs = now;
                CloseSwapWindow(_current, now);
                Say($"truck {_current.VehicleId} has left");
            }
        }

        private SwapAuthorization Booking(int mask)
        {
            int count = 0;
            for (int p = 0; p < 3; p++) if ((mask & (1 << p)) != 0) count++;
            return new SwapAuthorization(_current.VehicleId, null) { BlockPositions = mask, BlockCount = count };
        }

        private void PrefetchBlocks() => Prefetch(Controller, Bay.Bay.Rack, _positions.Length);

        /// <summary>The booking is known at drive-in: the rack handler fetches the <paramref name="count"/> blocks the
        /// controller will choose (ready, at or above the minimum SOC, highest first) while the truck drives in.</summary>
        public static void Prefetch(StationController c, Rack rack, int count)
        {
            var inv = c.Inventory;
            var ready = Enumerable.Range(0, inv.SlotCount)
                .Where(i => !inv.Slot(i).IsEmpty && inv.Slot(i).State == PackState.Ready && inv.Slot(i).SocPct >= c.Config.MinSocPct)
                .OrderByDescending(i => inv.Slot(i).SocPct).ThenBy(i => i).Take(count);
            foreach (int i in ready) rack.Fetch(inv.Slot(i).Serial);
        }

        private void CloseSwapWindow(SwapResult r, long now)
        {
            var w = Record.Timeline.Swaps;
            for (int i = 0; i < w.Count; i++)
                if (w[i].Swap == r.Number && w[i].EndMs < 0) w[i] = (r.Number, w[i].StartMs, now);
        }

        private void Fire(ScenarioEvent e)
        {
            long now = Clock.NowMs;
            string text = e.Describe();
            Record.EventsFired.Add($"{now / 1000.0:0.00} s: {text}");
            Record.History.Add("do:" + e.Do);
            Record.Timeline.Mark(now, e.Do, "event");
            string result = _faults.Fire(e) ?? _commands.Fire(e) ?? FireBooking(e);
            Say($"scenario: {text}{result}");
        }

        // The booking authorises the truck in the bay again (e.g. after a fault was cleared), for the run's positions or
        // the event's own ("positions": "1,3").
        private string FireBooking(ScenarioEvent e)
        {
            if (e.Do != "authorize") return "";
            string result;
            if (_current == null || !Bay.TruckIsPositioned) result = " → no truck in the bay";
            else
            {
                int mask = _mask;
                if (e.Args.TryGetValue("positions", out var p))
                {
                    mask = 0;
                    foreach (int pos in SimulatorCommandLine.ParsePositions((string)p)) mask |= 1 << (pos - 1);
                }
                result = _commands.Command(c => c.Authorize(Booking(mask)));
                if (result == " → accepted") _current.AuthorizedMs = Clock.NowMs;
            }
            _commands.CheckAnswer(e, result);
            return result;
        }

        private bool Finished()
        {
            if (_schedule.Pending > 0) { _settledSinceMs = -1; return false; }
            SwapState s = Controller.State;
            bool allDone = _trucks >= SwapsRequested && (_current == null || _current.LeftMs >= 0) && s == SwapState.Idle;
            if (allDone) { EndReason = SwapsRequested == 0 ? "station idle" : $"all {SwapsRequested} swaps done"; return true; }
            bool waiting = s == SwapState.Faulted || s == SwapState.Recovery || (s == SwapState.NotHomed && !AutoHome)
                || (s == SwapState.Idle && _current != null && _current.AuthorizedMs >= 0 && _current.ReleasedMs < 0);
            if (!waiting) { _settledSinceMs = -1; return false; }
            if (_settledSinceMs < 0) _settledSinceMs = Clock.NowMs;
            if (Clock.NowMs - _settledSinceMs < 5000) return false;
            EndReason = $"station waits in {SwapStates.Name(s)}" + (Controller.LatchedFault != FaultCode.None ? $" with fault {(int)Controller.LatchedFault} {FaultCatalogue.Name(Controller.LatchedFault)}" : "") + " and nothing is left to do";
            return true;
        }

        private void Say(string what)
        {
            Progress?.Invoke(string.Format(CultureInfo.InvariantCulture, "[{0,8:0.00} s] {1}", Clock.NowMs / 1000.0, what));
        }
    }
}
