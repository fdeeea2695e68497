using Station.Core.Config;

namespace Station.Core.Console
{
    /// <summary>The prompt for the station's state: <c>bay1[idle]&gt; </c>, <c>bay1[MAINT]&gt; </c>, <c>bay1[FAULT 21]&gt; </c>.
    /// Built again only when one of its parts changed (it is checked every poll, which must not allocate).</summary>
    public sealed class ConsolePrompt
    {
        private readonly IConsoleStation _station;
        private readonly ConfigValues _config;
        private readonly MaintenanceMode _maintenance;
        private string _prompt;
        private int _promptFault;
        private bool _promptMaintenance;
        private string _promptState;
        private string _promptId;

        /// <summary>The prompt of <paramref name="station"/> named by <paramref name="config"/>'s station id.</summary>
        public ConsolePrompt(IConsoleStation station, ConfigValues config, MaintenanceMode maintenance)
        {
            _station = station;
            _config = config;
            _maintenance = maintenance;
        }

        /// <summary>The prompt now.</summary>
        public string Text()
        {
            int fault = _station.FaultCode;
            string stateName = _station.StateName;
            string id = _config.Text(ConfigTable.StationId);
            bool maintenance = _maintenance.On;
            if (_prompt != null && fault == _promptFault && maintenance == _promptMaintenance
                && (object)stateName == (object)_promptState && (object)id == (object)_promptId)
            {
                return _prompt;
            }

            _promptFault = fault;
            _promptMaintenance = maintenance;
            _promptState = stateName;
            _promptId = id;
            _prompt = Build(fault, maintenance, stateName, id);
            return _prompt;
        }

        private static string Build(int fault, bool maintenance, string stateName, string id)
        {
            string state;
            if (fault != 0)
            {
                state = maintenance ? "MAINT FAULT " + fault.ToString() : "FAULT " + fault.ToString();
            }
            else if (maintenance)
            {
                state = "MAINT";
            }
            else
            {
                state = stateName;
            }

            return id + "[" + state + "]> ";
        }
    }
}
