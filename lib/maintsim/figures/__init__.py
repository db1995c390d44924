"""The presentation layer: plotly figures and HTML tables drawn from the model modules.

Nothing in :mod:`maintsim`'s model modules (``sla``, ``percentiles``, ``freeze``, ``fleet``,
``workload``, ...) imports plotly; the figures live here, one module per subject:

==================================  ==========================================================
``maintsim.figures.plotting``       plotly set-up for every page, the palette, the mime plugin
``maintsim.figures.fleet``          a simulated fleet-year: assumptions, downtime (chapter 8)
``maintsim.figures.percentiles``    sorted freezes with the P99 marked (chapter 5)
``maintsim.figures.sequence``       the steps of one maintenance event (chapter 4)
``maintsim.figures.sla``            freezes that fit a budget, credits per tier (chapter 7)
``maintsim.figures.timeline``       one VM's year, cloud versus on-premises (chapter 1)
``maintsim.figures.workload``       survival, retransmission and tuning figures (chapters 6, 9)
==================================  ==========================================================
"""
