"""maintsim: the simulation library behind *maintbook*.

One module per idea, each small enough to read in one sitting:

=============================  ==============================================================
``maintsim.facts``             every cited number and every modelling assumption
``maintsim.sla``               month lengths, the SLA uptime formula, tiers, credits
``maintsim.percentiles``       percentiles, exceedance, confidence, fan-out
``maintsim.freeze``            freeze-time models per kind of maintenance
``maintsim.month``             one month of freezes: charges, expected downtime, chance of a miss
``maintsim.fleet``             Monte Carlo over VMs x months
``maintsim.workload``          what a freeze does to TCP, clusters and clocks
``maintsim.scheduled_events``  Azure Scheduled Events documents
``maintsim.planned``           reboot maintenance: start hour, SLA budget, update domains
``maintsim.hotpatch``          a live hot-patching demonstration (call redirection)
``maintsim.sequence``          freeze, update, resume, clock sync: the steps as data
``maintsim.timeline``          one VM's year of maintenance, cloud versus on-premises
``maintsim.book``              the "key numbers" table that nbval checks and the prose quotes
``maintsim.language``          the language of drawn text: English, or Japanese (``MAINTBOOK_LANG``)
``maintsim.messages``          the one message table of drawn text, and the units of key numbers
``maintsim.figures``           presentation: plotly set-up, palette and every shared figure
``maintsim.explorer``          presentation: the freeze-time explorer (browser and Jupyter)
=============================  ==============================================================

The model modules (everything above ``figures``) import neither plotly nor ipywidgets: they
are numpy and scipy only. Import the module you need: ``from maintsim import sla, percentiles``.
"""

__version__ = "0.1.0"
