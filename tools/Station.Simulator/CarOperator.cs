using System;
using System.Collections.Generic;
using Station.Core;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>The simulated people of a car-bay run: the operator homes the station when it asks, vehicles drive in one
    /// after another, the booking chooses and fetches a pack and authorises each positioned vehicle, the rack's chargers
    /// report, and a released vehicle drives off.</summary>
    public sealed class CarOperator : IBayPeople
    {
        private readonly BayRun _run;
        private long _homeRequestedMs = -100000;
        private long _authorizeTriedMs = -100000;
        private string _lastRefusal;
        private long _chargeReportMs = -100000;
        private int _vehicles;
        private ScenarioConsole _console;

        /// <summary>The people of <paramref name="run"/>.</summary>
        public CarOperator(BayRun run) { _run = run; }

        /// <summary>True while the technician's console of a scenario serves <paramref name="controller"/>.</summary>
        public bool ConsoleOn(StationController controller) => _console != null && _console.Controller == controller;

        /// <summary>Lets the scenario's console run its periodic work (e.g. a jog's deadman).</summary>
        public void PollConsole() => _console.Poll();

        /// <summary>Vehicles that have driven in so far.</summary>
        public int Vehicles => _vehicles;
        /// <summary>The swap of the vehicle now in the bay (or the last one), or null before the first.</summary>
        public SwapResult Current { get; private set; }

        /// <summary>One tick of the people: the operator homes the station when it asks for it, vehicles come one after
        /// another, the booking authorises each positioned vehicle once, and a released vehicle drives off.</summary>
        public void Operate()
        {
            if (_run.Controller == null) return;
            long now = _run.Clock.NowMs;
            SwapState s = _run.Controller.State;

            if (s == SwapState.NotHomed && _run.AutoHome && _run.Controller.LatchedFault == FaultCode.None && now - _homeRequestedMs >= 1000)
            {
                _homeRequestedMs = now;
                var r = _run.Controller.Home();
                _run.Say(r.Accepted ? "operator: home" : $"operator: home refused: {r.Message}");
            }

            if (s == SwapState.Idle || s == SwapState.NotHomed) ReportCharging(now);

            if (_run.Bay.Vehicle == null && _vehicles < _run.SwapsRequested && (Current == null || Current.LeftMs >= 0)
                && (s == SwapState.Idle || s == SwapState.NotHomed || s == SwapState.Homing))
            {
                _vehicles++;
                string id = _vehicles == 1 && _run.FirstVehicleId != null ? _run.FirstVehicleId : $"CAR{_vehicles:000}";
                // The first swap's booking may name its pack (--pack, checked by BookingProblem before the run).
                // With --cloud-authorize the cloud's swap.authorize decides the pack (it may name none: then the controller
                // chooses when it starts), so nothing is fetched before it: a pack fetched at drive-in could be another.
                string packIn = _run.CloudAuthorizes ? null
                    : _vehicles == 1 && _run.FirstPackSerial != null && _run.Bay.Rack.SlotOf(_run.FirstPackSerial) >= 0 ? _run.FirstPackSerial : ChoosePack();
                var v = _run.Bay.ArriveVehicle(id, $"VP{_vehicles:0000}");
                Current = new SwapResult { Number = _vehicles, VehicleId = id, PackOut = v.Pack.Serial, PackIn = packIn, ArriveMs = now };
                _run.Swaps.Add(Current);
                _run.Timeline.Swaps.Add((_vehicles, now, -1));
                if (packIn != null) _run.Bay.Rack.Fetch(packIn); // the booking is known at drive-in: the handler fetches meanwhile
                _run.Say($"vehicle {id} drives in with pack {v.Pack.Serial} ({v.Pack.SocPct:0}%); chosen pack {packIn ?? (_run.CloudAuthorizes ? "the cloud's" : "none ready yet: waiting for the chargers")}");
            }

            // No ready pack when the vehicle came: the booking waits for the chargers and fetches one once it is ready.
            if (!_run.CloudAuthorizes && Current != null && Current.PackIn == null && Current.AuthorizedMs < 0 && _run.Bay.Vehicle != null)
            {
                Current.PackIn = ChoosePack();
                if (Current.PackIn != null)
                {
                    _run.Bay.Rack.Fetch(Current.PackIn);
                    _run.Say($"booking: pack {Current.PackIn} is ready for {Current.VehicleId}");
                }
            }

            var veh = _run.Bay.Vehicle;
            if (Current != null && veh != null && veh.State == VehicleState.Positioned)
            {
                if (_run.CloudAuthorizes && Current.AuthorizedMs < 0 && s != SwapState.Idle && s != SwapState.NotHomed && s != SwapState.Homing)
                {
                    Current.AuthorizedMs = now;
                    Current.PackIn = _run.Controller.CurrentSwap?.PackInSerial;
                    if (Current.PackIn != null && _run.Bay.Rack.SlotOf(Current.PackIn) >= 0) _run.Bay.Rack.Fetch(Current.PackIn);
                    _run.Say($"cloud: authorised {Current.VehicleId}; the handler fetches {Current.PackIn ?? "nothing"}");
                }
                if (!_run.CloudAuthorizes && Current.AuthorizedMs < 0 && Current.PackIn != null && s == SwapState.Idle && _run.Controller.Interlocks.VehiclePositioned && now - _authorizeTriedMs >= 1000)
                {
                    _authorizeTriedMs = now;
                    var auth = new SwapAuthorization(Current.VehicleId, Current.PackIn)
                    {
                        VehiclePackSerial = veh.Pack?.Serial,
                        VehiclePackSocPct = veh.Pack == null ? -1 : (int)veh.Pack.SocPct,
                    };
                    var r = _run.Controller.Authorize(auth);
                    if (r.Accepted) Current.AuthorizedMs = now;
                    // the booking retries every second; say a refusal once per reason
                    if (r.Accepted) _run.Say($"booking: authorise {Current.VehicleId} with pack {Current.PackIn}");
                    else if (r.Message != _lastRefusal) _run.Say($"booking: authorisation refused: {r.Message} (retrying every second)");
                    _lastRefusal = r.Accepted ? null : r.Message;
                }
                if (s == SwapState.Released && Current.ReleasedMs < 0)
                {
                    Current.ReleasedMs = now;
                    _run.Say($"swap {Current.Number} released after {Current.CycleSeconds:0.0} s; vehicle {Current.VehicleId} leaves");
                    _run.Bay.DepartVehicle();
                }
            }
            if (Current != null && Current.LeftMs < 0 && _run.Bay.DepartedVehicles.Count > 0
                && _run.Bay.DepartedVehicles[^1].Id == Current.VehicleId)
            {
                Current.LeftMs = now;
                Current.LeftWith = _run.Bay.DepartedVehicles[^1].Pack?.Serial;
                _run.Timeline.EndSwap(Current.Number, now);
                _run.Say($"vehicle {Current.VehicleId} has left with pack {Current.LeftWith ?? "NONE"}");
            }
        }

        // The rack's chargers tell the controller how far each pack has charged (between swaps: the controller takes
        // inventory changes only outside motion). A pack becomes ready once it reaches the minimum SOC for a swap.
        // Reported on a change of state or every 5 points, so the journal is not flooded.
        private void ReportCharging(long now)
        {
            if (now - _chargeReportMs < 10000) return;
            _chargeReportMs = now;
            var inv = _run.Controller.Inventory;
            for (int i = 0; i < _run.Bay.Rack.Slots.Length && i < inv.SlotCount; i++)
            {
                var pack = _run.Bay.Rack.Slots[i];
                var rec = inv.Slot(i).Copy(); // kept as it was: the live record changes with SetRackSlot below
                if (pack == null || rec.IsEmpty || rec.Serial != pack.Serial || rec.State == PackState.Faulty) continue;
                int soc = (int)pack.SocPct;
                var state = soc >= _run.Config.MinSocPct ? PackState.Ready : PackState.Charging;
                if (state == rec.State && soc - rec.SocPct < 5) continue;
                var r = _run.Controller.SetRackSlot(i, pack.Serial, soc, state);
                if (r.Accepted && state != rec.State) _run.Say($"charger: {pack.Serial} in slot {i} is {(state == PackState.Ready ? "ready" : "charging")} at {soc}%");
            }
        }

        private string ChoosePack()
        {
            // Only a pack the controller holds ready: fetching one still charging would take it off its charger.
            int slot = _run.Controller.Inventory.ChooseReady(_run.Config.MinSocPct);
            if (slot < 0) return null;
            string serial = _run.Controller.Inventory.Slot(slot).Serial;
            return _run.Bay.Rack.SlotOf(serial) >= 0 ? serial : null;
        }

        // The booking's authorisation and the technician's console; "expect" on the event checks the controller's answer.
        /// <summary>Carries out the booking's "authorize" or the technician's "console" event; "" for anything else.</summary>
        public string Fire(ScenarioEvent e, OperatorCommands commands)
        {
            string result = "";
            switch (e.Do)
            {
                case "authorize":
                    // The booking authorises the vehicle in the bay again (e.g. after a fault was cleared).
                    if (Current == null || _run.Bay.Vehicle == null) { result = " → no vehicle in the bay"; break; }
                    string pack = e.Args.TryGetValue("pack", out var pk) ? (string)pk : null;
                    var veh = _run.Bay.Vehicle;
                    result = commands.Command(c => c.Authorize(new SwapAuthorization(Current.VehicleId, pack)
                    {
                        VehiclePackSerial = veh.Pack?.Serial,
                        VehiclePackSocPct = veh.Pack == null ? -1 : (int)veh.Pack.SocPct,
                    }));
                    if (result == " → accepted")
                    {
                        Current.AuthorizedMs = _run.Clock.NowMs;
                        if (pack != null) Current.PackIn = pack;
                    }
                    break;
                case "console": return TypeOnConsole(e);
            }
            commands.CheckAnswer(e, result);
            return result;
        }

        // The technician types a line on the console; "reply" is a part of the answer it must give (case-insensitive).
        private string TypeOnConsole(ScenarioEvent e)
        {
            if (_run.Controller == null) return " → no controller (power is off): nothing answers";
            if (_console == null || _console.Controller != _run.Controller) _console = new ScenarioConsole(_run.Controller, _run.Bay, _run.Config, _run.Storage, _run.Clock);
            string line = (string)e.Args["line"];
            string answer = _console.Type(line);
            if (e.Args.TryGetValue("reply", out var want) && !answer.Contains((string)want, StringComparison.OrdinalIgnoreCase))
                _run.CommandFailures.Add($"events[{e.Index}] console \"{line}\" at {_run.Clock.NowMs / 1000.0:0.00} s answered \"{answer}\", expected a reply containing \"{want}\"");
            return $" → \"{answer}\"";
        }
    }
}
