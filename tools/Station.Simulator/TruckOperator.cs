using System.Globalization;
using System.Linq;
using Station.Core;
using Station.Core.Swap.Truck;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>The simulated people of a truck-bay run: the operator homes the station when it asks, trucks carrying
    /// three blocks come one after another, the booking has the rack handler fetch the blocks the controller will choose
    /// and authorises each positioned truck for the run's positions, and a released truck drives off.</summary>
    public sealed class TruckOperator : IBayPeople
    {
        private readonly BayRun _run;
        private readonly TruckBayKind _kind;
        private readonly int _mask;
        private long _homeRequestedMs = -100000;
        private long _authorizeTriedMs = -100000;
        private string _lastRefusal;

        /// <summary>The people of <paramref name="run"/> on the truck bay <paramref name="kind"/>.</summary>
        public TruckOperator(BayRun run, TruckBayKind kind)
        {
            _run = run;
            _kind = kind;
            foreach (int p in kind.Positions) _mask |= 1 << (p - 1);
        }

        /// <inheritdoc/>
        public int Vehicles { get; private set; }
        /// <inheritdoc/>
        public SwapResult Current { get; private set; }
        /// <inheritdoc/>
        public bool ConsoleOn(StationController controller) => false;
        /// <inheritdoc/>
        public void PollConsole() { }

        /// <inheritdoc/>
        public void Operate()
        {
            StationController c = _run.Controller;
            if (c == null) return;
            SimTruckBay bay = _kind.Truck;
            long now = _run.Clock.NowMs;
            SwapState s = c.State;
            if (s == SwapState.NotHomed && _run.AutoHome && c.LatchedFault == FaultCode.None && now - _homeRequestedMs >= 1000)
            {
                _homeRequestedMs = now;
                var h = c.Home();
                _run.Say(h.Accepted ? "operator: home" : $"operator: home refused: {h.Message}");
            }
            bool bayEmpty = !bay.TruckInBay;
            if (bayEmpty && Vehicles < _run.SwapsRequested && (Current == null || Current.LeftMs >= 0)
                && (s == SwapState.Idle || s == SwapState.NotHomed || s == SwapState.Homing))
            {
                Vehicles++;
                string id = Vehicles == 1 && _run.FirstVehicleId != null ? _run.FirstVehicleId : $"TRK{Vehicles:000}";
                bay.ArriveTruck(id, 7);
                Current = new SwapResult { Number = Vehicles, VehicleId = id, PackOut = string.Join(",", _kind.Positions.Select(p => $"T-{id}-{p}")), ArriveMs = now };
                _run.Swaps.Add(Current);
                _run.Timeline.Swaps.Add((Vehicles, now, -1));
                // With --cloud-authorize the cloud's booking decides the blocks: nothing is fetched before it.
                if (!_run.CloudAuthorizes) BlockPrefetch.Fetch(c, bay.Bay.Rack, Booking(_mask));
                _run.Say($"truck {id} drives in with blocks at 1, 2, 3; booked: {string.Join(",", _kind.Positions)}");
            }
            if (Current == null) return;
            if (_run.CloudAuthorizes && Current.AuthorizedMs < 0 && bay.TruckIsPositioned && s != SwapState.Idle && s != SwapState.NotHomed && s != SwapState.Homing)
            {
                Current.AuthorizedMs = now;
                SwapRecord r = c.CurrentSwap;
                if (r != null) BlockPrefetch.FetchBooked(r, bay.Bay.Rack);
                _run.Say($"cloud: authorised truck {Current.VehicleId}");
            }
            if (!_run.CloudAuthorizes && Current.AuthorizedMs < 0 && bay.TruckIsPositioned && s == SwapState.Idle && c.Interlocks.VehiclePositioned && now - _authorizeTriedMs >= 1000)
            {
                _authorizeTriedMs = now;
                CommandResult r = c.Authorize(Booking(_mask));
                if (r.Accepted) { Current.AuthorizedMs = now; _run.Say($"booking: authorise truck {Current.VehicleId}: {r.Message}"); }
                else if (r.Message != _lastRefusal) _run.Say($"booking: authorisation refused: {r.Message} (retrying every second)");
                _lastRefusal = r.Accepted ? null : r.Message;
            }
            if (s == SwapState.Released && Current.ReleasedMs < 0 && bay.TruckIsPositioned)
            {
                Current.ReleasedMs = now;
                Current.Record = c.CurrentSwap;
                _run.Say(string.Format(CultureInfo.InvariantCulture, "truck {0}: released after {1:0.0} s", Current.VehicleId, Current.CycleSeconds));
                bay.DepartTruck();
            }
            if (Current.LeftMs < 0 && Current.ReleasedMs >= 0 && !bay.TruckLeaving)
            {
                Current.LeftMs = now;
                _run.Timeline.EndSwap(Current.Number, now);
                _run.Say($"truck {Current.VehicleId} has left");
            }
        }

        private SwapAuthorization Booking(int mask) =>
            new SwapAuthorization(Current.VehicleId, null) { BlockPositions = mask, BlockCount = TruckBooking.Count(mask) };

        /// <inheritdoc/>
        public string Fire(ScenarioEvent e, OperatorCommands commands)
        {
            // The booking authorises the truck in the bay again (e.g. after a fault was cleared), for the run's positions
            // or the event's own ("positions": "1,3").
            if (e.Do != "authorize") return "";
            string result;
            if (Current == null || !_kind.Truck.TruckIsPositioned) result = " → no truck in the bay";
            else
            {
                int mask = _mask;
                if (e.Args.TryGetValue("positions", out var p))
                {
                    mask = 0;
                    foreach (int pos in SimulatorCommandLine.ParsePositions((string)p)) mask |= 1 << (pos - 1);
                }
                result = commands.Command(c => c.Authorize(Booking(mask)));
                if (result == " → accepted")
                {
                    Current.AuthorizedMs = _run.Clock.NowMs;
                    // The handler brings what the controller chose for this booking (the drive-in fetch was for the first).
                    BlockPrefetch.FetchBooked(_run.Controller.CurrentSwap, _kind.Truck.Bay.Rack);
                }
            }
            commands.CheckAnswer(e, result);
            return result;
        }
    }
}
