"""The one message table: every word that code draws, in every language besides English.

:mod:`maintsim.language` looks messages up here. A key is the English text exactly as the code
writes it (with its ``str.format`` fields, ``{freeze_s:g}``, and plotly's ``%{x:g}`` placeholders);
its value is the same message in the language, with the same fields. A field whose name ends in
``_text`` holds a sentence of its own, translated in turn (:func:`maintsim.language.translate`).

Japanese follows Microsoft's Japanese documents, the source article and the Japanese column of
the book's glossary (``appendix/glossary.md``): メンテナンス, ホット パッチ, メモリ保持メンテナンス,
ライブ マイグレーション, スケジュールされたイベント, 可用性ゾーン, 可用性セット, 更新ドメイン,
サービス クレジット, 一時停止 (freeze), ダウンタイム. Sentences a reader reads as prose (hover
text, the explorer's messages) are written in です・ます調; labels, table cells and axis titles
in plain form. Units follow Microsoft's Japanese style: a half-width space between a number and
a unit word (``30 秒``), none before ``%``.

Sections: the book's site, the library's figures and tables (by module), the explorer's presets
and the SLA tiers, the model modules' English strings that figures draw, and the chapters' own
drawn strings (filled when a chapter's code wraps a string in ``text()``).
"""

from __future__ import annotations

__all__ = ["MESSAGES", "UNITS"]

_SITE = {
    # _ext/editions.py and _ext/book_meta.py: the words of the page frame (_config.yml)
    "maintbook: what cloud VM maintenance costs a workload":
        "maintbook: クラウド VM のメンテナンスがワークロードに与える影響",
    "maintbook - home": "maintbook - ホーム",
    "Text licensed CC BY 4.0, code MIT. Grown from an Azure support blog article "
    "(Japanese, 2022).":
        "本文は CC BY 4.0、コードは MIT ライセンスです。Azure サポート チームのブログ記事 "
        "(日本語、2022 年) から生まれました。",
    "how to cite it": "引用のしかた",
    "changes": "変更履歴",
    "Language": "言語",
    "Read this page in Japanese": "このページを日本語で読む",
    # CITATION.cff's abstract: the description of a page without a first paragraph
    "An open, interactive book on what cloud VM maintenance is and what it costs a workload, in "
    "numbers you can check. Built around Azure IaaS, its chapters are Jupyter notebooks backed by "
    "a small simulation library, maintsim: freeze times, percentiles, what a pause does to TCP, "
    "clusters and clocks, and SLA arithmetic. It grows from a Japanese Azure support blog article "
    "(2022, updated 2024).":
        "クラウド VM のメンテナンスとは何か、それがワークロードに何をもたらすかを、確かめられる"
        "数字で説明するオープンでインタラクティブな本です。Azure IaaS を題材に、各章は小さな"
        "シミュレーション ライブラリ maintsim を使う Jupyter ノートブックで、一時停止の長さ、"
        "パーセンタイル、一時停止が TCP やクラスター、クロックに与える影響、SLA の計算を扱います。"
        "Azure サポート チームの日本語ブログ記事 (2022 年、2024 年更新) から生まれました。",
    # tools/social_card.py: the description of the link previews' picture
    "One simulated year of maintenance: a few night windows of hours on premises against "
    "dozens of cloud events from milliseconds to seconds, on a log scale":
        "シミュレーションした 1 年間のメンテナンス: オンプレミスでは数時間の夜間作業枠が数回、"
        "クラウドではミリ秒から秒単位のイベントが数十回 (対数目盛)",
}

_FIGURES_SEQUENCE = {
    # maintsim.figures.sequence
    "<b>{lane}: {label}</b><br>{start_s:g}-{end_s:g} s<br>{detail}":
        "<b>{lane}: {label}</b><br>{start_s:g}～{end_s:g} 秒<br>{detail}",
    "Step {step}: {head}<br><sup>{detail}</sup>": "ステップ {step}: {head}<br><sup>{detail}</sup>",
    "time (s, illustrative)": "時間 (秒、説明のための値)",
    "step ": "ステップ ",
    # the legend: one entry per colour (PHASE_KEY)
    "host at work": "ホストが作業中",
    "clock behind": "クロックの遅れ",
    "host runs VMs": "ホストが VM を実行",
    "copying": "コピー中",
}

_FIGURES_TIMELINE = {
    # maintsim.figures.timeline
    "One simulated year: when, and for how long":
        "シミュレーションした 1 年間: いつ、どれだけの長さか",
    "day %{x:.0f}: %{y:.3g} s<extra>%{fullData.name}</extra>":
        "%{x:.0f} 日目: %{y:.3g} 秒<extra>%{fullData.name}</extra>",
    "impact on the VM (seconds, log scale)": "VM への影響 (秒、対数目盛)",
    "day of the year": "年初からの日数",
    "day %{x:.0f}: stopped %{y:.3g} s<extra>%{fullData.name}</extra>":
        "%{x:.0f} 日目: %{y:.3g} 秒停止<extra>%{fullData.name}</extra>",
    "{kind} (VM sees nothing)": "{kind} (VM からは見えない)",
    "day %{x:.0f}: %{customdata:.3g} ms of host work, not visible to the VM"
    "<extra>%{fullData.name}</extra>":
        "%{x:.0f} 日目: ホストの作業 %{customdata:.3g} ミリ秒、VM からは見えない"
        "<extra>%{fullData.name}</extra>",
    "time stopped (log scale)": "停止した時間 (対数目盛)",
    "hot patches: the VM sees nothing": "ホット パッチ: VM からは何も見えない",
}

_FIGURES_PLOTTING = {
    # maintsim.figures.plotting.duration_label: a time as a reader says it
    "{value} ms": "{value} ミリ秒",
    "{value} s": "{value} 秒",
    "{value} min": "{value} 分",
    "{value} h": "{value} 時間",
    "{value} day": "{value} 日",
    "{value} days": "{value} 日",
}

_FIGURES_PERCENTILES = {
    # maintsim.figures.percentiles
    "P{q:g} = position {rank:,} of {n:,}": "P{q:g} = {n:,} 個中 {rank:,} 番目",
    "{value_s:.1f} s": "{value_s:.1f} 秒",
    "position %{x:,}: %{y:.1f} s<extra></extra>": "%{x:,} 番目: %{y:.1f} 秒<extra></extra>",
    "P{q:g}: position {x}, {y} s<extra></extra>": "P{q:g}: {x} 番目、{y} 秒<extra></extra>",
    "position, shortest to longest": "順位 (短い順)",
    "freeze (s)": "一時停止 (秒)",
    "freezes: ": "一時停止の数: ",
}

_FIGURES_SLA = {
    "unknown": "不明",  # the release date of a version of the SLA
    # maintsim.figures.sla: the minute-accounting rules and the tiers' short names
    "exact": "正確",
    "rounded_up": "1 分に切り上げ",
    "clock_minutes": "時計の分",
    "{rule}: {y} freezes of {x} s<extra></extra>":
        "{rule}: {x} 秒の一時停止が {y} 回<extra></extra>",
    "Freezes that fit, {target:g} %, {days:g} days":
        "予算に収まる一時停止の回数、{target:g}%、{days:g} 日",
    "length of each freeze (s)": "一時停止 1 回の長さ (秒)",
    "freezes (log scale)": "一時停止の回数 (対数目盛)",
    "VMs across zones": "可用性ゾーンにまたがる VM",
    "availability set": "可用性セット",
    "one VM, Premium SSD": "単一 VM、Premium SSD",
    "one VM, Standard SSD": "単一 VM、Standard SSD",
    "one VM, Standard HDD": "単一 VM、Standard HDD",
    "{target:g} %: {tier}": "{target:g}%: {tier}",
    "downtime under {limit}: target met, no credit":
        "ダウンタイムが {limit} 未満: 目標を達成、クレジットなし",
    "from {start} of downtime: {credit:g} % of the fee":
        "ダウンタイム {start} 以上: 料金の {credit:g}%",
    "downtime in the month": "月内のダウンタイム",
    "credit band (% of fee)": "クレジットの段階 (料金の %)",
    "Service credit, {days:g}-day month": "サービス クレジット、{days:g} 日の月",
    "Target ({credit:g}{pct} credit below)": "目標 (これ未満で {credit:g}{pct} のクレジット)",
    "Deployment": "デプロイ",
    "{credit:g}{pct} credit below": "これ未満で {credit:g}{pct} のクレジット",
    "Azure VM SLA v1.9: tiers and credit bands": "Azure VM の SLA v1.9: 区分とクレジットの段階",
    " ({mark} credit band unconfirmed)": " ({mark} クレジットの段階は未確認)",
    "Version": "バージョン",
    "Date": "日付",
    "What changed": "変更点",
    "Versions of the SLA for Virtual Machines": "Virtual Machines の SLA のバージョン",
}

_FIGURES_FLEET = {
    # maintsim.figures.fleet
    "{kind} (not visible to VMs)": "{kind} (VM からは見えない)",
    "{kind}: {rate:.3g} a VM-month, median {median}, P99 {p99}":
        "{kind}: VM 1 台 1 か月あたり {rate:.3g} 回、中央値 {median}、P99 {p99}",
    "{source}: {sentence}": "{source}: {sentence}",
    "source article, 2022": "元の記事、2022 年",
    "Azure maintenance doc, 2024": "Azure のメンテナンスのドキュメント、2024 年",
    "Tech Community post, 2023": "Tech Community の投稿、2023 年",
    "Azure blog, 2020": "Azure ブログ、2020 年",
    "Kind (assumed)": "種類 (仮定)",
    "Source: the sentence it was tuned to": "出典: 合わせ込んだ文",
    "The fleet model's assumptions, one row per kind of maintenance":
        "フリートのモデルの仮定 (メンテナンスの種類ごとに 1 行)",
    "{low} to {high}": "{low}～{high}",
    "{span}: {count} VM-months<extra>{rule}, {none:,} with none</extra>":
        "{span}: {count} VM 月<extra>{rule}、ダウンタイムなしは {none:,}</extra>",
    "rounded": "切り上げ",
    "clock": "時計の分",
    "Downtime per VM-month": "VM 月あたりのダウンタイム",
    "downtime (log scale)": "ダウンタイム (対数目盛)",
    "VM-months (log scale)": "VM 月 (対数目盛)",
    "accounting rule: ": "分の数え方: ",
}

_FIGURES_WORKLOAD = {
    # maintsim.figures.workload: labels of the components
    "no limit": "上限なし",
    "{value:g} s": "{value:g} 秒",
    "{value:g} s ›": "{value:g} 秒 ›",
    "Linux TCP, {retries} (Azure)": "Linux TCP、{retries} (Azure)",
    "Linux TCP, {retries} (default)": "Linux TCP、{retries} (既定)",
    "Windows TCP, {retries} retries (RTO assumed)": "Windows TCP、再送 {retries} 回 (RTO は仮定)",
    "WSFC, {numbers} (relaxed for Azure)": "WSFC、{numbers} (Azure 向けに緩和)",
    "WSFC, {numbers} ({which})": "WSFC、{numbers} ({which})",
    "Corosync, token {token_s:g} s (Azure guidance)":
        "Corosync、トークン {token_s:g} 秒 (Azure のガイダンス)",
    "Guest clock, host time sync": "ゲストのクロック、ホストの時刻同期",
    "Guest clock, chrony only": "ゲストのクロック、chrony のみ",
    "Application, time-out {timeout_s:g} s": "アプリケーション、タイムアウト {timeout_s:g} 秒",
    "Load balancer, {probes}": "ロード バランサー、{probes}",
    "{component}, {setting}": "{component}、{setting}",
    # the survival figure
    "freeze {freeze_s:g} s": "一時停止 {freeze_s:g} 秒",
    "Freeze of {freeze_s:g} s: {n} of {m} survive":
        "{freeze_s:g} 秒の一時停止: {m} 個中 {n} 個が耐える",
    "tolerates a freeze up to (seconds)": "耐えられる一時停止の長さ (秒)",
    "freeze: ": "一時停止: ",
    " s": " 秒",
    # the outcome of a component (maintsim.figures.workload.outcome) and its table cells
    "survives": "耐える",
    "fails": "失敗",
    "FAILS": "失敗",
    "taken out of rotation": "振り分けから外れる",
    "{label}<br>{word}: {what}": "{label}<br>{word}: {what}",
    "{label}: <b>{word}</b>": "{label}: <b>{word}</b>",
    "{word}: {what}": "{word}: {what}",
    # the assessment table
    "survives: {what}": "耐える: {what}",
    "Component": "コンポーネント",
    "Tolerates": "許容できる長さ",
    "What happens": "何が起きるか",
    "What a {freeze_s:g} s freeze does": "{freeze_s:g} 秒の一時停止で起きること",
    # the retransmission ladders
    "delivered {wait_s:g} s after resume": "再開の {wait_s:g} 秒後に届く",
    "dropped at {give_up_s:g} s": "{give_up_s:g} 秒で切断",
    "dropped at {give_up_s:g} s ›": "{give_up_s:g} 秒で切断 ›",
    "sent while frozen (lost)": "一時停止中の送信 (失われる)",
    "first after resume (delivered)": "再開後の最初の送信 (届く)",
    "sender gives up": "送信側が諦める",
    "sent at %{x:g} s: lost<extra></extra>": "%{x:g} 秒に送信: 失われる<extra></extra>",
    "sent at %{x:g} s: delivered<extra></extra>": "%{x:g} 秒に送信: 届く<extra></extra>",
    "gives up at %{x:g} s<extra></extra>": "%{x:g} 秒で諦める<extra></extra>",
    "VM frozen {freeze_s:g} s": "VM が {freeze_s:g} 秒間一時停止",
    "A freeze against TCP retransmissions": "一時停止と TCP の再送",
    "seconds from the freeze start": "一時停止の開始からの秒数",
    # the stall figure
    "data flows at the resume": "再開と同時にデータが流れる",
    "freeze %{x:g} s: stalled %{y:g} s<extra></extra>":
        "一時停止 %{x:g} 秒: %{y:g} 秒停滞<extra></extra>",
    "How long a connection stalls": "接続が停滞する時間",
    "{label}: a freeze longer than {last_s:g} s drops the connection<extra></extra>":
        "{label}: {last_s:g} 秒より長い一時停止で接続が切れる<extra></extra>",
    "freeze (seconds)": "一時停止 (秒)",
    "stalled for (seconds)": "停滞した時間 (秒)",
    # the tuning table (its rows are in _MODEL_WORKLOAD)
    "Setting": "設定",
    "As shipped": "既定値",
    "Azure guidance": "Azure のガイダンス",
    "Why": "理由",
    "Time-outs and heartbeats: as shipped and as recommended on Azure":
        "タイムアウトとハートビート: 既定値と Azure での推奨値",
}

_EXPLORER = {
    # maintsim.explorer.model.threshold_presets (the explorer's own words are its TEXT["ja"])
    "load-balancer probe ({failures} x {interval_s:g} s)":
        "ロード バランサーの正常性プローブ ({failures} 回 × {interval_s:g} 秒)",
    "Linux TCP, tcp_retries2 = {retries}: its last retransmission":
        "Linux TCP、tcp_retries2 = {retries}: 最後の再送",
    "; ": "、",
    "WSFC default ({delay_s:g} s x {threshold})": "WSFC の既定値 ({delay_s:g} 秒 × {threshold})",
    "the article's 30 s": "記事の 30 秒",
    "Corosync token, Azure guidance": "Corosync のトークン、Azure のガイダンス",
    "WSFC relaxed for Azure ({delay_s:g} s x {threshold})":
        "Azure 向けに緩和した WSFC ({delay_s:g} 秒 × {threshold})",
}

_MODEL_SLA = {
    # maintsim.sla.TIERS labels (the explorer's tier menu)
    "2+ VMs across 2+ availability zones": "2 つ以上の可用性ゾーンにまたがる 2 台以上の VM",
    "2+ VMs in an availability set or dedicated host group":
        "可用性セットまたは専用ホスト グループ内の 2 台以上の VM",
    "single VM, Premium SSD or Ultra Disk": "単一 VM、Premium SSD または Ultra Disk",
    "single VM, Standard SSD": "単一 VM、Standard SSD",
    "single VM, Standard HDD": "単一 VM、Standard HDD",
}

_MODEL_TIMELINE = {
    # maintsim.timeline.EVENT_LABELS (also the labels of maintsim.facts.FREEZE_ASSUMPTIONS)
    "hot patch": "ホット パッチ",
    "memory-preserving (light)": "メモリ保持 (軽微)",
    "memory-preserving (heavy: host OS/kernel)": "メモリ保持 (大規模: ホスト OS/カーネル)",
    "live migration": "ライブ マイグレーション",
    "network maintenance blip": "ネットワーク メンテナンスによる瞬断",
    "reboot maintenance": "再起動を必要とするメンテナンス",
    "on-premises night window": "オンプレミスの夜間作業枠",
    "night window that failed": "失敗した夜間作業枠",
}

_MODEL_SEQUENCE = {
    # maintsim.sequence: lanes
    "VM": "VM",
    "Host": "ホスト",
    "Guest clock": "ゲストのクロック",
    "Source host": "移行元ホスト",
    "Target host": "移行先ホスト",
    # phase labels
    "running": "実行中",
    "hosting VMs": "VM を実行中",
    "hosting VMs (updated)": "VM を実行中 (更新済み)",
    "hosting the VM": "VM を実行中",
    "in sync": "同期済み",
    "frozen": "一時停止中",
    "stopped": "停止",
    "update": "更新",
    "pause": "一時停止",
    "resume": "再開",
    "{behind_s:g} s behind": "{behind_s:g} 秒の遅れ",
    "receive memory": "メモリを受信",
    "running (brownout)": "実行中 (ブラウンアウト)",
    "copy memory": "メモリをコピー",
    "paused (blackout)": "一時停止 (ブラックアウト)",
    "final copy": "最終コピー",
    "take over": "引き継ぎ",
    "running on target": "移行先で実行中",
    "finish (brownout)": "完了処理 (ブラウンアウト)",
    "free for maintenance": "メンテナンス可能",
    # phase details (hover text: prose)
    "The VM runs; a Freeze event can be read from Scheduled Events.":
        "VM は実行中です。"
        "一時停止 (Freeze) のイベントはスケジュールされたイベントから読み取れます。",
    "The host runs its VMs.": "ホストは VM を実行しています。",
    "The guest clock follows real time.": "ゲストのクロックは実際の時刻に従っています。",
    "vCPUs stopped for {freeze_s:g} s; memory stays in RAM.":
        "vCPU が {freeze_s:g} 秒間停止します。メモリは RAM に保持されます。",
    "A paused guest cannot count time: its clock stands still.":
        "一時停止したゲストは時間を数えられないため、クロックは止まったままです。",
    "The host component is replaced ({update_s:g} s, illustrative).":
        "ホストのコンポーネントが置き換えられます ({update_s:g} 秒、説明のための値)。",
    "The VM resumes exactly where it stopped: same memory, same processes.":
        "VM は止まったところからそのまま再開します。メモリもプロセスも同じです。",
    "The updated host runs the VM again.": "更新されたホストが再び VM を実行します。",
    "The host stops the VM's vCPUs and keeps its memory.":
        "ホストが VM の vCPU を停止し、メモリを保持します。",
    "The host starts the VM's vCPUs again.": "ホストが VM の vCPU を再び開始します。",
    "The clock runs again but shows {behind_s:g} s too little.":
        "クロックは再び進みますが、{behind_s:g} 秒遅れています。",
    "Host time sync (VMICTimeSync) sets the time of day right.":
        "ホストの時刻同期 (VMICTimeSync) がクロックを正しい時刻に合わせます。",
    "The VM runs on the source host.": "VM は移行元ホストで実行されています。",
    "The source host runs the VM.": "移行元ホストが VM を実行しています。",
    "The target receives the VM's memory.": "移行先が VM のメモリを受け取ります。",
    "The guest clock follows real time while the VM runs.":
        "VM の実行中、ゲストのクロックは実際の時刻に従います。",
    "The VM keeps running; it may be a little slower while memory is copied.":
        "VM は実行を続けます。メモリのコピー中は少し遅くなることがあります。",
    "Memory is copied to the target; pages written meanwhile are copied again.":
        "メモリが移行先にコピーされます。その間に書き込まれたページはもう一度コピーされます。",
    "The VM runs nowhere for {blackout_s:g} s: the last pages and state move.":
        "VM は {blackout_s:g} 秒間どこでも実行されません。最後のページと状態が移動します。",
    "The last dirty pages and the device state are sent.":
        "最後に書き換えられたページとデバイスの状態が送られます。",
    "The target prepares to run the VM.": "移行先が VM を実行する準備をします。",
    "The guest clock stands still during the blackout.":
        "ブラックアウトの間、ゲストのクロックは止まっています。",
    "The VM runs on the target host with the same memory.":
        "VM は同じメモリのまま移行先ホストで実行されます。",
    "The move completes in the background (Google's description).":
        "移動はバックグラウンドで完了します (Google の説明による)。",
    "The target host runs the VM.": "移行先ホストが VM を実行しています。",
    "The source host no longer runs the VM and can be updated or repaired.":
        "移行元ホストはもう VM を実行しておらず、更新や修理ができます。",
    "Host time sync sets the time of day right.":
        "ホストの時刻同期がクロックを正しい時刻に合わせます。",
    # steps: "Head: detail", each half translated on its own
    "Before": "開始前",
    "Freeze": "一時停止",
    "Update": "更新",
    "Resume": "再開",
    "Clock sync": "クロックの同期",
    "Brownout": "ブラウンアウト",
    "Blackout": "ブラックアウト",
    "On the target": "移行先",
    "the VM runs on the old host software": "VM は古いホスト ソフトウェアの上で実行されています",
    "vCPUs stop, memory stays in RAM": "vCPU が止まり、メモリは RAM に保持されます",
    "the host is updated under the VM": "VM の下でホストが更新されます",
    "the VM runs on, its clock {behind_s:g} s behind":
        "VM は実行を続けますが、クロックが {behind_s:g} 秒遅れています",
    "host time sync corrects the clock": "ホストの時刻同期がクロックを修正します",
    "the VM runs on the source host": "VM は移行元ホストで実行されています",
    "memory is copied while the VM runs": "VM の実行中にメモリがコピーされます",
    "the VM is paused, the last pages move": "VM が一時停止し、最後のページが移動します",
    "the VM runs, the move finishes": "VM が実行され、移動が完了します",
    "the guest clock is corrected": "ゲストのクロックが修正されます",
}

_MODEL_WORKLOAD = {
    # maintsim.workload: component names, settings and ladders
    "Linux TCP": "Linux TCP",
    "Windows TCP": "Windows TCP",
    "Load balancer": "ロード バランサー",
    "Application": "アプリケーション",
    "Failover cluster": "フェールオーバー クラスター",
    "Pacemaker/Corosync": "Pacemaker/Corosync",
    "{delay_s} s x {threshold}": "{delay_s} 秒 × {threshold}",
    "{version} default": "{version} 既定",
    "{failures} probes x {interval_s} s": "プローブ {failures} 回 × {interval_s} 秒",
    "Linux TCP, tcp_retries2 = {retries}, first RTO {rto_s} s":
        "Linux TCP、tcp_retries2 = {retries}、最初の RTO {rto_s} 秒",
    "Linux TCP, TCP_USER_TIMEOUT = {timeout_s} s, first RTO {rto_s} s":
        "Linux TCP、TCP_USER_TIMEOUT = {timeout_s} 秒、最初の RTO {rto_s} 秒",
    "Windows TCP, TcpMaxDataRetransmissions = {retries}, first RTO {rto_s} s (assumed)":
        "Windows TCP、TcpMaxDataRetransmissions = {retries}、最初の RTO {rto_s} 秒 (仮定)",
    # what happens (assess_freeze): table cells and hover text, plain form
    "survives; next retransmission at {next_s} s, {wait_s} s after resume":
        "耐える。次の再送は {next_s} 秒、再開の {wait_s} 秒後",
    "connection dropped at {give_up_s} s: no retransmission after resume":
        "{give_up_s} 秒で接続が切れる。再開後の再送がない",
    "{what_text} (Azure quotes {low_s}-{high_s} s; with a first RTO up to {rto_s} s Linux "
    "gives up {when_text} {latest_s} s)":
        "{what_text} (Azure の説明では {low_s}～{high_s} 秒。最初の RTO が {rto_s} 秒までなら、"
        "Linux は {latest_s} 秒{when_text}に諦める)",
    "before": "より前",
    "by": "まで",
    "marked unhealthy after {tolerance_s} s; new flows go to other backends":
        "{tolerance_s} 秒後に異常と判定され、新しいフローはほかのバックエンドへ送られる",
    "stays in rotation": "振り分け先に残る",
    "in-flight request answered late, after {freeze_s} s":
        "処理中のリクエストには {freeze_s} 秒遅れて応答する",
    "in-flight request times out at {timeout_s} s":
        "処理中のリクエストが {timeout_s} 秒でタイムアウトする",
    "node removed after {tolerance_s} s; roles fail over":
        "{tolerance_s} 秒後にノードが外され、ロールがフェールオーバーする",
    "no action": "何も起きない",
    "token lost after {token_s} s; node fenced, resources move":
        "{token_s} 秒後にトークンが失われ、ノードがフェンスされてリソースが移動する",
    "stood still for {freeze_s} s; corrected right after resume":
        "{freeze_s} 秒間止まり、再開の直後に修正される",
    "{behind_s} s behind; {fix_text}": "{behind_s} 秒遅れる。{fix_text}",
    "chrony steps (jumps) it forward": "chrony がクロックを一度に進める (ステップ)",
    "chrony slews it back gradually": "chrony が少しずつ調整して戻す (スルー)",
    # the tuning rows (maintsim.figures.workload.tuning_rows, drawn by tuning_table)
    "WSFC same-subnet heartbeat (delay x threshold)":
        "WSFC の同一サブネット ハートビート (間隔 × しきい値)",
    "WSFC cross-subnet heartbeat (delay x threshold)":
        "WSFC のサブネット間ハートビート (間隔 × しきい値)",
    "{total_s} s ({delay_s} s x {threshold})": "{total_s} 秒 ({delay_s} 秒 × {threshold})",
    "ride through a freeze instead of failing over": "フェールオーバーせずに一時停止を乗り切る",
    "SQL Server availability-group lease time-out":
        "SQL Server 可用性グループのリース タイムアウト",
    "-": "-",
    "at most {max_s} s ({factor} x {tolerance_s} s)":
        "最大 {max_s} 秒 ({factor} × {tolerance_s} 秒)",
    "the documented ceiling with the relaxed heartbeat values":
        "緩和したハートビート値でドキュメントに記載された上限",
    "Pacemaker/Corosync token": "Pacemaker/Corosync のトークン",
    "{token_s} s (corosync {version} and later; {before_s} s before)":
        "{token_s} 秒 (corosync {version} 以降。それより前は {before_s} 秒)",
    "{token_s:g} s (and a consensus time-out of {consensus_s:g} s)":
        "{token_s:g} 秒 (合意のタイムアウトは {consensus_s:g} 秒)",
    "Azure's guidance for your cluster, to allow memory-preserving maintenance":
        "メモリ保持メンテナンスに耐えるための、クラスターに対する Azure のガイダンス",
    "Linux TCP_USER_TIMEOUT (per socket)": "Linux の TCP_USER_TIMEOUT (ソケットごと)",
    "not set: tcp_retries2 decides ({give_up_s} s)":
        "未設定: tcp_retries2 で決まる ({give_up_s} 秒)",
    "{timeout_s} s: gives up at {give_up_s} s (Azure's first choice)":
        "{timeout_s} 秒: {give_up_s} 秒で諦める (Azure が最初に挙げる方法)",
    "bound the wait for unacknowledged data on this socket":
        "このソケットで確認応答のないデータを待つ時間に上限を設ける",
    "Linux net.ipv4.tcp_retries2": "Linux の net.ipv4.tcp_retries2",
    "{retries}: gives up after {give_up_s} s": "{retries}: {give_up_s} 秒後に諦める",
    "{retries}: a {limit_s} s limit; gives up between {earliest_s} s and just under {latest_text} "
    "for a first RTO of {rto_min_s}-{rto_max_s} s":
        "{retries}: 上限 {limit_s} 秒。最初の RTO が {rto_min_s}～{rto_max_s} 秒なら "
        "{earliest_s} 秒から {latest_text}弱までの間に諦める",
    "the system-wide alternative: find a dead peer fast; the application must reconnect":
        "システム全体での代わりの方法: 応答しない相手を早く検出する。アプリケーションは"
        "再接続が必要",
    "Windows TcpMaxDataRetransmissions": "Windows の TcpMaxDataRetransmissions",
    "{retries}: gives up after {give_up_s} s (RTO assumed)":
        "{retries}: {give_up_s} 秒後に諦める (RTO は仮定)",
    "find a dead peer fast, system-wide; per socket, the TCP_MAXRT option bounds the time":
        "システム全体で、応答しない相手を早く検出する。ソケットごとには TCP_MAXRT オプションで"
        "時間に上限を設けられる",
    "TCP keepalive (time / interval / probes)": "TCP キープアライブ (時間 / 間隔 / プローブ数)",
    "{idle_s}/{interval_s}/{probes}: {detection_s} s":
        "{idle_s}/{interval_s}/{probes}: {detection_s} 秒",
    "find a stale idle connection within a minute":
        "使われなくなったアイドル接続を 1 分以内に見つける",
}

_MODEL_FREEZE: dict[str, str] = {
    # maintsim.freeze: the three readings of "30 s" (TailReadings), drawn as a table
    "Reading of 30 s": "30 秒の解釈",
    "Model (an assumption)": "モデル (仮定)",
    "Freezes over 30 s": "30 秒を超える一時停止",
    "Per VM-year": "VM 1 台あたり年間",
    "Per year, {fleet_vms:,} VMs": "{fleet_vms:,} 台で年間",
    "One VM: once in": "VM 1 台での発生間隔",
    "never": "起こらない",
    "{count} years": "{count} 年",
    "Freezes over 30 s under three readings; {events:.2f} memory-preserving events per VM-month, "
    "{heavy_pct:.1f} % heavy (modelling assumptions)":
        "3 つの解釈での 30 秒を超える一時停止。メモリ保持メンテナンスは VM 月あたり {events:.2f} "
        "回、うち大規模なものが {heavy_pct:.1f}% (モデルの仮定)",
    "P99 = 30 s for heavy updates only (the book's model)":
        "P99 = 30 秒は大規模な更新だけのもの (本書のモデル)",
    "P99 = 30 s for all memory-preserving maintenance (the article)":
        "P99 = 30 秒はメモリ保持メンテナンス全体のもの (元の記事)",
    "about 30 s is the typical long pause (the documents)":
        "約 30 秒は典型的な長い一時停止 (ドキュメント)",
    "heavy {heavy_text}; light {light_text}":
        "大規模な更新: {heavy_text}。軽微な更新: {light_text}",
    "heavy stretched to {heavy_text} so the whole mix has P99 30 s; light {light_text}":
        "全体の P99 が 30 秒になるよう大規模な更新を引き延ばし ({heavy_text})。"
        "軽微な更新: {light_text}",
    "heavy {heavy_text} (a 30 s median, the book's heavy spread); light {light_text}":
        "大規模な更新: {heavy_text} (中央値 30 秒、本書の大規模な更新のばらつき)。"
        "軽微な更新: {light_text}",
    "median {median_s} s, P99 {p99_s} s": "中央値 {median_s} 秒、P99 {p99_s} 秒",
}

_MODEL_SCHEDULED_EVENTS: dict[str, str] = {
    # maintsim.scheduled_events: what it writes for a person, through text() (EventSummary, the
    # parser's notes); the API's values (Freeze, Scheduled, NotBefore, Resources) stay verbatim.
    # the parser's notes
    "{field} says {weekday} but {date:%d %b %Y} is a {actual:%A}; "
    "the date was used and the weekday ignored":
        "{field} の曜日は {weekday} ですが、{date:%Y-%m-%d} は {actual:%a} です。"
        "日付を採用し、曜日は無視しました",
    "{where} is Scheduled but has no NotBefore: it may start at any moment":
        "{where} は Scheduled ですが NotBefore がありません。いつ開始されてもおかしくありません",
    # time left (time_left_text) and the expected interruption
    "{seconds} s": "{seconds} 秒",
    "{minutes} min": "{minutes} 分",
    "{hours} h": "{hours} 時間",
    "{hours} h {minutes} min": "{hours} 時間 {minutes} 分",
    "passed": "経過済み",
    "about {duration_s} s of interruption": "約 {duration_s} 秒の中断",
    "unknown (DurationInSeconds = -1)": "中断時間は不明 (DurationInSeconds = -1)",
    "no interruption expected (DurationInSeconds = 0)":
        "中断の見込みなし (DurationInSeconds = 0)",
    # EventSummary.__str__: the first line
    "{event_type} ({event_status}), {duration_text}.":
        "{event_type} ({event_status}): {duration_text}。",
    # the next step: what to prepare, by event type (also a sentence of its own)
    "let clients retry through a short pause (or fail over if your cluster cannot)":
        "クライアントに再試行させて短い一時停止を乗り切ります (クラスターが耐えられない場合は"
        "フェールオーバーします)",
    "drain the VM (take it out of the load balancer, finish or checkpoint work)":
        "VM をドレインします (ロード バランサーから外し、処理を終えるかチェックポイントを"
        "取ります)",
    "drain the VM and copy anything you need off the temporary disk":
        "VM をドレインし、必要なデータを一時ディスクからコピーします",
    "checkpoint and drain now: the Spot VM is going away":
        "今すぐチェックポイントを取ってドレインします。Spot VM は間もなく削除されます",
    "finish or hand over work: the VM is going away":
        "処理を終えるか引き継ぎます。VM は間もなく削除されます",
    # the next step, whole
    "Not this VM: the event is for the others listed in Resources "
    "(same availability set or scale set). Nothing to do here.":
        "この VM は対象外です。イベントは Resources に列挙されたほかの VM (同じ可用性セット"
        "またはスケール セット) のものです。この VM ですることはありません。",
    "Started: the impact is happening now; nothing left to approve. Wait it out.":
        "開始済み (Started): 影響は今まさに発生しています。承認するものはもうありません。"
        "終わるまで待ちます。",
    "No NotBefore: it may start at any moment. {then_text}.":
        "NotBefore がありません。いつ開始されてもおかしくありません。{then_text}。",
    "NotBefore has passed: it may start at any moment. {then_text}.":
        "NotBefore を過ぎています。いつ開始されてもおかしくありません。{then_text}。",
    "{time_left_text} left: {prepare_text}, then approve it (POST StartRequests) to start "
    "now; approval starts it for every VM in Resources.":
        "残り {time_left_text}: {prepare_text}。その後、承認 (POST StartRequests) して今すぐ"
        "開始させます。承認すると、Resources のすべての VM でイベントが開始されます。",
    # maintsim.facts.EVENT_IMPACT (EventSummary.impact; chapter 9's table of event types)
    "the VM is paused for a few seconds; memory and open files are kept":
        "VM が数秒間一時停止する。メモリと開いているファイルは保持される",
    "the VM restarts; non-persistent memory is lost":
        "VM が再起動する。永続化されていないメモリの内容は失われる",
    "the VM moves to another host; ephemeral (temporary) disks are lost":
        "VM が別のホストに移動する。エフェメラル (一時) ディスクは失われる",
    "the Spot VM is deleted; ephemeral disks are lost":
        "Spot VM が削除される。エフェメラル ディスクは失われる",
    "the VM is scheduled to be deleted": "VM の削除がスケジュールされる",
}

_MODEL_FACTS = {
    # maintsim.facts: the SLA's version history (figures.sla.version_history_table)
    "first VM SLA": "最初の VM の SLA",
    "VM section moved out of the Cloud Services SLA": "VM の項が Cloud Services の SLA から独立",
    "VM Connectivity; availability set with 2+ instances at 99.95 %":
        "仮想マシン接続 (VM Connectivity)。2 つ以上のインスタンスを持つ可用性セットで 99.95%",
    "new single-instance VM SLA (99.9 % with premium storage on all disks)":
        "単一インスタンス VM の SLA を新設 (すべてのディスクが Premium Storage なら 99.9%)",
    "updates related to Maximum Available Minutes":
        "月内時間 (Maximum Available Minutes) に関する更新",
    "100 % credit if uptime is below 95 %": "稼働率が 95% 未満なら 100% のサービス クレジット",
    "'x 100' added to the uptime formulas": "稼働率の式に「x 100」を追加",
    "removed the exclusion for single-instance VM maintenance downtime":
        "単一インスタンス VM のメンテナンスによるダウンタイムの除外を削除",
    "added 99.99 % for VMs across 2+ availability zones":
        "2 つ以上の可用性ゾーンにまたがる VM に 99.99% を追加",
    "added Standard SSD (99.5 %), Standard HDD (95 %), dedicated host group":
        "Standard SSD (99.5%)、Standard HDD (95%)、専用ホスト グループを追加",
    # maintsim.facts.FREEZE_ASSUMPTIONS: the sentence each model was tuned to
    "hot patching is 'best - in milliseconds', not visible to VMs; used for monthly security "
    "updates":
        "ホット パッチの影響は「最良でミリ秒単位」で、VM からは見えない。毎月のセキュリティ更新に"
        "使われる",
    "VM-impacting maintenance 'almost always' pauses for less than 10 s":
        "VM に影響するメンテナンスの一時停止は「ほぼ常に」10 秒未満",
    "P99 of the host-side update within 30 s (source article); 'about 30 seconds', at most once "
    "every 18 months (rate = 1/18 per month, the documented upper bound)":
        "ホスト側の更新の P99 が 30 秒以内 (元の記事)。「約 30 秒」が多くても 18 か月に 1 回 "
        "(頻度は 1 か月あたり 1/18 回、ドキュメントにある上限)",
    "live migration pauses 'typically no more than 5 seconds' (read as P99)":
        "ライブ マイグレーションの一時停止は「通常 5 秒以内」(P99 と読む)",
    "network updates do not stop the VM but can outlast TCP's retry logic (source article); no "
    "figure is published":
        "ネットワークの更新は VM を止めないが、TCP のリトライ ロジックより長く続くことがある "
        "(元の記事)。数値は公開されていない",
    "host reboots took VMs down 'for minutes at a time'; large reboot campaigns have become "
    "rare (source article)":
        "ホストの再起動で VM が「一度に数分間」止まっていた。大規模な再起動は今ではまれ (元の記事)",
}

# The chapters' own drawn strings: a chapter's code writes text("...") around a title, an axis
# label, a legend name or a printed sentence meant for readers, and the Japanese goes here, one
# table per page (CONTRIBUTING.md, "The Japanese edition"). Key numbers whose value is a word
# (KeyNumbers translates it) are here too.

_CH01: dict[str, str] = {
    # chapters/01_what_is_maintenance
    # the assumed cloud year, kind by kind
    "the VM sees it": "VM から見える",
    "the VM sees nothing": "VM からは何も見えない",
    "{label:<41} {rate:5.3f}/month, median {median_s:g} s, {seen}":
        "{label}: 1 か月あたり {rate:5.3f} 回、中央値 {median_s:g} 秒、{seen}",
    # one draw of a year
    "cloud:   {n} events, {minutes:.1f} minutes stopped":
        "クラウド:     イベント {n} 回、停止 {minutes:.1f} 分",
    "on-prem: {n} windows, {minutes:.0f} minutes stopped":
        "オンプレミス: 作業枠 {n} 回、停止 {minutes:.0f} 分",
    "One simulated year": "シミュレーションした 1 年間",
    "freezes the VM sees: {fewest:.1f} to {most:.1f} orders of magnitude below a window":
        "VM から見える一時停止: 作業枠より {fewest:.1f}～{most:.1f} 桁短い",
    "hot patches (host work only): {fewest:.1f} to {most:.1f}":
        "ホット パッチ (ホストの作業のみ): {fewest:.1f}～{most:.1f} 桁",
    "freezes: {n}, longest {longest_s:.1f} s, median {median_s:.1f} s":
        "一時停止: {n} 回、最長 {longest_s:.1f} 秒、中央値 {median_s:.1f} 秒",
    # exercises
    "simulated {simulated:.3f}, expected {expected:.3f}":
        "シミュレーション {simulated:.3f}、理論値 {expected:.3f}",
    "(a) driver fix, hot patched": "(a) ドライバーの修正、ホット パッチで適用",
    "(b) host OS, VMs paused": "(b) ホスト OS、VM は一時停止",
    "(c) off failing hardware": "(c) 故障しそうなハードウェアから移動",
    "(d) new motherboard": "(d) マザーボードの交換",
    "reboot": "再起動あり",
    "non-reboot": "再起動なし",
    "sees nothing": "何も見えない",
    # maintsim.facts.FREEZE_ASSUMPTIONS[...].visibility, printed by the exercise (translate())
    "in rare cases a mechanism pauses the VM for 'about 30 seconds'":
        "まれに、VM が「約 30 秒」一時停止するメカニズムがある",
    "live migration pauses the VM, 'typically lasting no more than 5 seconds'":
        "ライブ マイグレーションによる VM の一時停止は「通常 5 秒以内」",
    "host reboots took VMs down 'for minutes at a time'":
        "ホストの再起動で VM が「一度に数分間」止まっていた",
    "monthly windows: {windows_min:.0f} min of windows + {recovery_min:.0f} min of recovery "
    "= {total_min:.0f} min a year; the cloud VM: {cloud_min:.1f} min":
        "毎月の作業枠: 作業枠 {windows_min:.0f} 分 + 復旧 {recovery_min:.0f} 分 "
        "= 1 年で {total_min:.0f} 分。クラウドの VM: {cloud_min:.1f} 分",
}

_CH02: dict[str, str] = {
    # chapters/02_reboot_maintenance
    # printed lines
    "best {best:02d}:00 -> {best_n:,.0f} requests; worst {worst:02d}:00 -> {worst_n:,.0f}":
        "最良は {best:02d}:00 開始で {best_n:,.0f} 件、"
        "最悪は {worst:02d}:00 開始で {worst_n:,.0f} 件",
    "{target:>6} %: budget {allowed:7.2f} min, fits {n:3d} median or {n_p99:3d} P99 reboots":
        "{target:>6}%: 予算 {allowed:7.2f} 分、中央値の再起動なら {n:3d} 回、"
        "P99 の再起動なら {n_p99:3d} 回収まる",
    "rollout {minutes:.0f} min; fewest VMs serving: {n}":
        "ロールアウト {minutes:.0f} 分、サービスを提供している VM は最少 {n} 台",
    "warm-up {warmup:>2} min: fewest serving {n}":
        "ウォームアップ {warmup:>2} 分: サービスを提供している VM は最少 {n} 台",
    "{k:>2} update domains: at least {total:.0f} min":
        "更新ドメイン {k:>2} 個: 最短 {total:.0f} 分",
    "best {best:02d}:00, worst {worst:02d}:00, worst/best {ratio:.1f}; "
    "13:00 costs {at_13:.1f} x best":
        "最良 {best:02d}:00、最悪 {worst:02d}:00、最悪/最良 {ratio:.1f}。"
        "13:00 は最良の {at_13:.1f} 倍",
    "(a) {allowed:.2f} min hold {n} reboots of {minutes:.0f} min":
        "(a) {allowed:.2f} 分に {minutes:.0f} 分の再起動が {n} 回収まる",
    "(b) longer than {allowed:.1f} min": "(b) {allowed:.1f} 分より長い",
    "fewest serving {n}; UDs go down at {starts}; rollout {minutes:.0f} min":
        "サービスを提供している VM は最少 {n} 台。各 UD が停止する時刻 (分): {starts}。"
        "ロールアウト {minutes:.0f} 分",
    # the figure "When to start a reboot"
    "Load, requests a minute (assumed)": "負荷、1 分あたりのリクエスト数 (仮定)",
    "Requests a {minutes:.0f}-min reboot touches": "{minutes:.0f} 分間の再起動が影響するリクエスト",
    "requests per minute": "1 分あたりのリクエスト数",
    "touched": "影響を受けるリクエスト",
    "start %{x}:00<br>%{y:,.0f}": "開始 %{x}:00<br>%{y:,.0f} 件",
    "start hour": "開始時刻",
    "When to start a reboot": "再起動をいつ開始するか",
    # the figure of each tier's budget
    "zones": "可用性ゾーン",
    "set": "可用性セット",
    "{target:g} % {tier}<br><b>{n} fit</b>": "{target:g}% {tier}<br><b>{n} 回収まる</b>",
    "budget %{x:.2f} min<extra></extra>": "予算 %{x:.2f} 分<extra></extra>",
    "median reboot (assumed)": "中央値の再起動 (仮定)",
    "P99 reboot (assumed)": "P99 の再起動 (仮定)",
    "minutes in 30 days": "分 (30 日間)",
    "Each tier's monthly budget<br><sup>against one reboot</sup>":
        "各区分の月間の予算<br><sup>再起動 1 回との比較</sup>",
    # the figure of a two-VM rollout
    "Each VM": "各 VM",
    "VMs serving": "サービスを提供している VM",
    "rebooting": "再起動中",
    "warming up (assumed)": "ウォームアップ中 (仮定)",
    "minutes since the start": "開始からの経過時間 (分)",
    "Two VMs, one domain at a time": "2 台の VM、一度に 1 ドメインずつ",
}

_CH03: dict[str, str] = {
    # chapters/03_hot_patching: the demo under load
    "{strategy:>9}: answered {answered}, failed {failed}, by version {versions}":
        "{strategy:>9}: 応答 {answered}、失敗 {failed}、バージョン別の応答 {versions}",
    # the figure "Who answered each request" ("hot patch" and "update" are in the tables above)
    "answered by v1": "v1 が応答",
    "answered by v2": "v2 が応答",
    "failed": "失敗",
    "restart": "再起動",
    "arrival time, ms": "到着時刻 (ミリ秒)",
    "Who answered each request": "リクエストごとの応答元",
    # maintsim.facts.HOST_UPDATE_TECHNOLOGIES (a 2023 Tech Community post's table, quoted)
    "hot patching": "ホット パッチ",
    "'Best - in milliseconds', not visible to VMs; used for monthly security updates":
        "「最良でミリ秒単位」、VM からは見えない。毎月のセキュリティ更新に使われる",
    "VM-PHU (VM-preserving host update)": "VM-PHU (VM 保持型ホスト更新)",
    "'Typically, 30 s'": "「通常 30 秒」",
    # the exercises' solutions
    "restart of {ms:>4} ms: {failed} failed": "再起動 {ms:>4} ミリ秒: 失敗 {failed} 件",
    "after the patch:   ": "パッチ適用後:  ",
    "after the rollback:": "ロールバック後:",
    "{name}: fails, no field {missing}": "{name}: 失敗、フィールド {missing} がない",
}

_CH04: dict[str, str] = {
    # chapters/04_memory_preserving: ch04_chrony_action
    "steps": "ステップ",
    "slews": "スルー",
    # the series that cannot live-migrate (maintsim.facts.LIVE_MIGRATION_EXCLUSIONS, translate())
    "G, M, N and H series": "G、M、N、H シリーズ",
    "G, L, N and H series (live migration is available on most M-series SKUs)":
        "G、L、N、H シリーズ (ライブ マイグレーションは M シリーズ SKU の大部分で利用可能)",
    # the wording of the pause over the years (maintsim.facts.PAUSE_WORDING_HISTORY, translate())
    "- **{when}**, {who}: {wording}": "- **{when}**、{who}: {wording}",
    "the source article": "元の記事",
    "maintenance document": "メンテナンスのドキュメント",
    "most pauses < 10 s; memory-preserving pauses 'for up to 30 seconds'":
        "一時停止の大半は 10 秒未満。メモリ保持メンテナンスによる一時停止は「最長 30 秒間」",
    "memory-preserving maintenance pauses the VM 'for typically 30 seconds'":
        "メモリ保持メンテナンスは VM を「通常 30 秒間」一時停止する",
    "host-side update completes within 30 s at P99 for most maintenance":
        "ほとんどのメンテナンスで、99 パーセンタイル (P99) において Azure 基盤側の更新処理が "
        "30 秒以内に完了",
    "'almost always' < 10 s; rarely, at most once per 18 months, 'about 30 seconds'":
        "「ほぼ常に」10 秒未満。まれに (多くても 18 か月に 1 回)「約 30 秒」",
    "same as 2024": "2024 年と同じ",
    # the models (their labels and sentences are in _MODEL_TIMELINE and _MODEL_FACTS)
    "- **{label}**: median {median_s:g} s, P99 {p99_s:g} s; tuned to: {tuned_to}.":
        "- **{label}**: 中央値 {median_s:g} 秒、P99 {p99_s:g} 秒。合わせ込んだ文: {tuned_to}。",
    "light": "軽微な更新",
    "heavy": "大規模な更新",
    "mixture": "混合分布",
    "{name:14} P50 {p50_s:4.1f} s  P99 {p99_s:4.1f} s  >30 s {over_pct:.3f} %":
        "{name}: P50 {p50_s:.1f} 秒、P99 {p99_s:.1f} 秒、30 秒超 {over_pct:.3f}%",
    # the exceedance figures
    "{tick_pct} %": "{tick_pct}%",
    "%{x:.1f} s: %{y:.3%} longer": "%{x:.1f} 秒より長い: %{y:.3%}",
    ": P%{customdata} = %{x:.1f} s<extra></extra>": ": P%{customdata} = %{x:.1f} 秒<extra></extra>",
    "1 % (P99)": "1% (P99)",
    "Pauses longer than t<br><sup>all four models are assumptions</sup>":
        "t より長い一時停止<br><sup>4 つのモデルはどれも仮定</sup>",
    "pause length t (s)": "一時停止の長さ t (秒)",
    "share of pauses longer than t": "t より長い一時停止の割合",
    "x{factor:<4}  P99 {p99_s:4.1f} s  >30 s {over_pct:.3f} %":
        "{factor} 倍: P99 {p99_s:4.1f} 秒、30 秒超 {over_pct:.3f}%",
    "up-to-date guest": "最新のゲスト",
    "old kernel": "古いカーネル",
    "Old kernel, x{factor:g}: P99 {p99_s:.1f} s": "古いカーネル、{factor:g} 倍: P99 {p99_s:.1f} 秒",
    "{factor:g}x": "{factor:g} 倍",
    "stretch ": "引き延ばし: ",
    "share longer than t": "t より長い割合",
    # the guest clock
    "behind after resume: {behind_s:g} s; chrony steps the clock: {steps_clock}":
        "再開後の遅れ: {behind_s:g} 秒、chrony がクロックをステップするか: {steps_clock}",
    "real time": "実際の時刻",
    "guest clock, host time sync": "ゲストのクロック、ホストの時刻同期あり",
    "guest clock, no time sync": "ゲストのクロック、時刻同期なし",
    "paused": "一時停止中",
    "What the guest clock reads<br><sup>around a 28 s pause</sup>":
        "ゲストのクロックが示す時刻<br><sup>28 秒の一時停止の前後</sup>",
    "guest clock reads": "ゲストのクロックの表示",
    # exercises
    "h = {h:.3f}: P99 {p99_s:5.2f} s, over 30 s {over_pct:.3f} %":
        "h = {h:.3f}: P99 {p99_s:5.2f} 秒、30 秒超 {over_pct:.3f}%",
    "1 % over 30 s needs h = {h:.4f}": "30 秒超をちょうど 1% にする h = {h:.4f}",
    "stretch for a P99 of 30 s: x{factor:.2f}": "P99 を 30 秒にする引き延ばし: {factor:.2f} 倍",
    "{pause_s:g} s pause: {behind_s:g} s behind, chrony {action} it":
        "{pause_s:g} 秒の一時停止: {behind_s:g} 秒の遅れ、chrony の動作は{action}",
}

_CH05: dict[str, str] = {
    # chapters/05_percentiles: ch05_ci_verdict, glued into "図では、モデルの真の値である 30 秒を
    # {ci_verdict}。" (the same Japanese for "misses" and "miss")
    "none of the {n} intervals misses": "{n} 個の区間のどれもが含んでいます",
    "{k} of the {n} intervals misses": "{n} 個の区間のうち {k} 個が含んでいません",
    "{k} of the {n} intervals miss": "{n} 個の区間のうち {k} 個が含んでいません",
    # the printed results ("light" and "heavy" are in _CH04)
    "P50 {p50:.1f} s, P99 {p99:.1f} s, max {p100:.1f} s; {over_30} over 30 s":
        "P50 {p50:.1f} 秒、P99 {p99:.1f} 秒、最大値 {p100:.1f} 秒。30 秒超は {over_30} 個",
    "mixture (book)": "混合分布 (本書)",
    "{name:<15} P99 {p99:5.1f} s   over 30 s: {share:.3f} %":
        "{name}: P99 {p99:.1f} 秒、30 秒超 {share:.3f}%",
    "{n_vms:>9,} VMs: {mean:8.3g} over 30 s a year, P(at least one) {p:.2f} %":
        "{n_vms:>9,} 台: 30 秒超が 1 年に {mean:8.3g} 回、1 回以上起きる確率 {p:.2f}%",
    "{n:,} freezes, {over} over 30 s, longest {longest:.1f} s":
        "一時停止 {n:,} 回、うち 30 秒超 {over} 回、最長 {longest:.1f} 秒",
    "P50 of 1..100, numpy 'nearest':": "1..100 の P50、numpy の 'nearest':",
    "P7 of 1..100, numpy 'inverted_cdf':": "1..100 の P7、numpy の 'inverted_cdf':",
    "| exact nearest rank:": "| 正確な最近接順位法:",
    "n = {n:>6,}: P99 from {low:.2f} s to {high:.2f} s over {m} methods":
        "n = {n:>6,}: {m} 通りの方法で P99 は {low:.2f} 秒～{high:.2f} 秒",
    "fewest freezes for any 95 % interval on P99: {n_min}":
        "P99 の 95% 区間を求められる最少の一時停止の数: {n_min}",
    "with 1,000 freezes: P99 between {low:.1f} s and {high:.1f} s (ranks {lower} and {upper})":
        "一時停止 1,000 個では P99 は {low:.1f} 秒～{high:.1f} 秒 (順位 {lower} と {upper})",
    "mean of monthly P99s {mean:.1f} s, P99 of the year {pooled:.1f} s":
        "月ごとの P99 の平均 {mean:.1f} 秒、1 年の P99 {pooled:.1f} 秒",
    "P99 position:": "P99 の位置:",
    "| P90 position:": "| P90 の位置:",
    "the P99 is the maximum:": "P99 は最大値か:",
    "book's": "本書の",
    "article's": "記事の",
    "documents'": "ドキュメントの",
    "{reading:11} reading: {expected:6.0f} expected in 3 years, P(none) = e^-{mean:.0f}":
        "{reading}解釈: 3 年間の期待値 {expected:.0f} 回、P(0 回) = e^-{mean:.0f}",
    "q = {q}: {n} VMs, chance {chance:.3f}": "q = {q}: VM {n} 台、確率 {chance:.3f}",
    # the figures ("freeze (s)" is in _FIGURES_PERCENTILES, "{value:g} s" in _FIGURES_WORKLOAD)
    "freezes": "一時停止",
    "max": "最大値",
    "1,000 heavy freezes<br><sup>from an assumed model</sup>":
        "大規模な一時停止 1,000 個<br><sup>仮定のモデルから</sup>",
    "freezes per 1-s bin": "1 秒幅あたりの一時停止の数",
    "Percentiles settle, max grows": "パーセンタイルは落ち着き、最大値は伸び続ける",
    "freezes observed": "観測した一時停止の数",
    "seconds": "秒",
    "95 % interval": "95% 区間",
    "sample P99": "標本の P99",
    "model P99 (30 s)": "モデルの P99 (30 秒)",
    "How sure is a P99?": "P99 はどれだけ確かか",
    "each slow 1 time in {n:,.0f}": "各サーバーが {n:,.0f} 回に 1 回遅い",
    "Requests that meet a slow server": "遅いサーバーに当たるリクエスト",
    "servers per request": "リクエストあたりのサーバー数",
    "percent of requests": "リクエストの割合 (%)",
}

_CH06: dict[str, str] = {
    # chapters/06_workload_impact
    # the ladders: printed lines
    "limit {limit_s} s; gives up after {give_up_s} s":
        "上限 {limit_s} 秒、{give_up_s} 秒後に諦める",
    "limit: {limit_s:g} s": "上限: {limit_s:g} 秒",
    "give-up: {earliest_s:g} s to just under {latest}":
        "諦める時点: {earliest_s:g} 秒から {latest}未満まで",
    "give-up at {give_up_s:g} s: first RTO {rto_s:.3g} s":
        "{give_up_s:g} 秒で諦める場合: 最初の RTO {rto_s:.3g} 秒",
    "gives up after {give_up_s} s": "{give_up_s} 秒後に諦める",
    # the ladder and stall figures: row and legend labels
    "Linux, tcp_retries2 = 15 (default)": "Linux、tcp_retries2 = 15 (既定)",
    "Linux, TCP_USER_TIMEOUT = {user_s:g} s (Azure)":
        "Linux、TCP_USER_TIMEOUT = {user_s:g} 秒 (Azure)",
    "Linux, tcp_retries2 = 5 (Azure)": "Linux、tcp_retries2 = 5 (Azure)",
    "Windows, 5 retries (RTO assumed)": "Windows、再送 5 回 (RTO は仮定)",
    # application time-outs (workload.request_outcome's words)
    "time-out {timeout_s:g} s against a {freeze_s:g} s freeze: {outcome}":
        "タイムアウト {timeout_s:g} 秒、{freeze_s:g} 秒の一時停止: {outcome}",
    "timed out": "タイムアウトする",
    "answered": "応答が返る",
    # the heartbeat table (labels of facts.HEARTBEAT_SETTINGS)
    "fails over": "フェールオーバーする",
    "rides through": "乗り切る",
    "WSFC 2016 default, same subnet": "WSFC 2016 既定、同一サブネット",
    "WSFC 2016 default, cross subnet": "WSFC 2016 既定、サブネット間",
    "WSFC 2008 R2/2012 R2 default": "WSFC 2008 R2/2012 R2 既定",
    "WSFC relaxed for Azure (SQL Server guidance)":
        "Azure 向けに緩和した WSFC (SQL Server のガイダンス)",
    "Corosync, default token": "Corosync、既定のトークン",
    "Corosync, Azure guidance": "Corosync、Azure のガイダンス",
    "A 30 s freeze": "30 秒の一時停止",
    # keepalive, the guest clock, old kernels
    "a dead idle peer is found after {default_s:g} s with the defaults, "
    "{azure_s:g} s with Azure's recipe":
        "応答しなくなったアイドルの相手を検出するまで: 既定値では {default_s:g} 秒、"
        "Azure の推奨設定では {azure_s:g} 秒",
    "without host time sync the clock is {behind_s:g} s behind; chrony {action} it":
        "ホストの時刻同期がないとクロックは {behind_s:g} 秒遅れ、chrony が{action}で補正する",
    "a {freeze_s:g} s freeze: {standing} of {n} components survive":
        "{freeze_s:g} 秒の一時停止: {n} 個中 {standing} 個のコンポーネントが耐える",
    # the exercises' solutions
    "first RTO {rto_s:.3f} s: {retries} retransmissions, the last at {last_s:.1f} s; "
    "gives up at {give_up_s:g} s":
        "最初の RTO {rto_s:.3f} 秒: 再送 {retries} 回、最後の再送は {last_s:.1f} 秒、"
        "{give_up_s:g} 秒で諦める",
    "survives a 30 s freeze:": "30 秒の一時停止に耐えるか:",
    "none": "なし",
    "tcp_retries2 = {retries}: survives {survives}; first retransmission after the break: "
    "{after}; gives up at {give_up_s:g} s":
        "tcp_retries2 = {retries}: 耐えるか {survives}、瞬断後の最初の再送 {after}、"
        "{give_up_s:g} 秒で諦める",
    "freezes from {low_s} s to {high_s} s": "{low_s} 秒から {high_s} 秒までの一時停止",
}

_CH07: dict[str, str] = {
    # chapters/07_sla: printed outputs (accounting rules and tier keys are identifiers, kept)
    "February 2023": "2023 年 2 月",
    "February 2024": "2024 年 2 月",
    "a 30-day month": "30 日の月",
    "a 31-day month": "31 日の月",
    "{label:<15} {minutes:>7,} minutes": "{label}: {minutes:,} 分",
    "uptime {uptime:.4f} %": "月間稼働率 {uptime:.4f}%",
    "target met:": "目標の達成:",
    "credit {credit:.0f} % of the monthly fee": "サービス クレジット: 月額料金の {credit:.0f}%",
    "{at_00:g} min at :00, {at_45:g} at :45":
        "{at_00:g} 分 (:00 に開始)、{at_45:g} 分 (:45 に開始)",
    "target    exact  rounded_up  clock": "目標      exact  rounded_up  clock",
    "{minutes} min in {days} days, {tier}:\n  uptime {uptime:.5f} %, "
    "met {met}, credit {credit:g} %":
        "{days} 日間で {minutes} 分、{tier}:\n"
        "  月間稼働率 {uptime:.5f}%、目標の達成 {met}、サービス クレジット {credit:g}%",
    "{target} %             SRE      Gregorian":
        "{target}%                      SRE    グレゴリオ暦",
    "per hour": "1 時間あたり",
    "per day": "1 日あたり",
    "per week": "1 週間あたり",
    "per month": "1 か月あたり",
    "per quarter": "四半期あたり",
    "per year": "1 年あたり",
    # maintsim.sla.format_duration_min (only this chapter prints it; "{value} day(s)" is above)
    "{value} second": "{value} 秒",
    "{value} seconds": "{value} 秒",
    "{value} minute": "{value} 分",
    "{value} minutes": "{value} 分",
    "{value} hour": "{value} 時間",
    "{value} hours": "{value} 時間",
    "minutes per month": "1 か月あたりの許容ダウンタイム (分)",
    "target {columns}": "目標   {columns}",
    "in series:   99.95 % x 99.99 % = {serial:.2f} %": "直列:   99.95% × 99.99% = {serial:.2f}%",
    "in parallel: two at 99.9 %      = {parallel:.4f} %":
        "並列:   99.9% の 2 台   = {parallel:.4f}%",
    # the exercises' solutions
    "{days} days, {rule:<13} {total:6.2f} min  met: {met}":
        "{days} 日の月、{rule:<13} {total:6.2f} 分  目標の達成: {met}",
    "Feb 2024": "2024 年 2 月",
    "31 days": "31 日の月",
    "{label}: budget {budget:.2f} min, fits {fits}":
        "{label}: 予算 {budget:.2f} 分、収まる回数 {fits}",
    "longest chain at or above 99.9 %:": "99.9% 以上を保てる直列の最大数:",
    "three in parallel: {parallel:.7f} %": "3 台の並列: {parallel:.7f}%",
}

_CH08: dict[str, str] = {
    # chapters/08_fleet_year (accounting rules and timings printed as identifiers are kept)
    "events in the fleet-year:": "フリートの 1 年間のイベント数:",
    # the table of misses (the rules' names are in _FIGURES_SLA)
    "Target": "目標",
    "Share of VM-months below the target": "目標を下回った VM 月の割合",
    # the figure of misses against rates
    "rates x %{x}<br>%{y:.2g} % of VM-months": "頻度 × %{x}<br>VM 月の %{y:.2g}%",
    "Misses at 99.99 % vs rates": "頻度を変えたときの 99.99% の未達",
    "every rate multiplied by": "すべての頻度に掛けた倍率",
    "share of VM-months": "VM 月の割合",
    # freezes over 30 s
    "over 30 s: simulated {simulated:,}, expected {expected:,.0f} (± {sd:.0f}), "
    "out of {freezes:,} freezes":
        "30 秒超: シミュレーション {simulated:,} 回、期待値 {expected:,.0f} 回 (± {sd:.0f})、"
        "一時停止 {freezes:,} 回のうち",
    "%{x:,} freezes over 30 s<extra></extra>": "30 秒を超える一時停止 %{x:,} 回<extra></extra>",
    "Freezes over 30 s, by kind": "30 秒を超える一時停止 (種類別)",
    "freezes over 30 s": "30 秒を超える一時停止の回数",
    "{per_vm_year:.4f} per VM-year; VMs with at least one: {share:.2g} %":
        "VM 1 台 1 年あたり {per_vm_year:.4f} 回。1 回以上出会う VM: {share:.2g}%",
    "longest freeze in the fleet: {longest_s:.0f} s":
        "フリートで最も長い一時停止: {longest_s:.0f} 秒",
    # two VMs
    "{timing:>11}: both VMs down {us:.0f} µs a month":
        "{timing:>11}: 2 台とも停止する時間は 1 か月に {us:.0f} マイクロ秒",
    # the exercises' solutions
    "{misses:,} of {n:,} VM-months miss 99.9 %; worst month {worst:.3f} % "
    "(baseline {baseline:.3f} %)":
        "{n:,} VM 月のうち {misses:,} が 99.9% に未達。最悪の月 {worst:.3f}% "
        "(基準 {baseline:.3f}%)",
    "{rule:>10}: {billed:.2g} % billed, {table:.2g} % in the table":
        "{rule:>10}: ホット パッチに課した場合 {billed:.2g}%、表では {table:.2g}%",
    "expected {mean:.1f} a year; chance of none: 1 in {one_in:,.0f}":
        "期待値は 1 年に {mean:.1f} 回。1 回も出会わない確率: {one_in:,.0f} 分の 1",
    "seeds 0 to 4:": "シード 0～4:",
    "{over:,} over 30 s (baseline {baseline:,}); stretched heavy: median {median_s:g} s, "
    "P99 {p99_s:g} s, {share:.0f} % over 30 s":
        "30 秒超 {over:,} 回 (基準 {baseline:,} 回)。引き延ばした大規模な更新: "
        "中央値 {median_s:g} 秒、P99 {p99_s:g} 秒、30 秒超 {share:.0f}%",
}

_CH09: dict[str, str] = {
    # chapters/09_preparing
    # the documented example, field by field
    "Field": "フィールド",
    "Value": "値",
    "NotBefore (parsed)": "NotBefore (解析結果)",
    "Parser's note": "パーサーの注記",
    # the notice per event type and the modelled drain
    "Event type": "イベントの種類",
    "Minimum notice": "最小通知時間",
    "What it does": "VM への影響",
    "modelled drain: {drain_s:g} s": "ドレインのモデル値: {drain_s:g} 秒",
    "polls at 1 Hz within each minimum notice:": "最小通知時間内に 1 Hz でポーリングできる回数:",
    "{notice}<br>{polls} polls": "{notice}<br>ポーリング {polls} 回",
    "%{y}: %{x} s of notice<extra></extra>": "%{y}: 通知時間 %{x} 秒<extra></extra>",
    "modelled drain {drain_s:g} s": "ドレインのモデル値 {drain_s:g} 秒",
    "Minimum notice per event type": "イベントの種類ごとの最小通知時間",
    "notice (log scale)": "通知時間 (対数目盛)",
    # one event, read at a given moment
    "Freeze, read by WestNO_7": "Freeze (一時停止)、WestNO_7 から読んだ場合",
    "{event_type} (constructed)": "{event_type} (本書で作成した例)",
    "Event": "イベント",
    "Time left": "残り時間",
    "Next step": "次の手順",
    "a {freeze_s} s freeze: {survivors} of {n} components ride through":
        "{freeze_s} 秒の一時停止: {n} 個中 {survivors} 個のコンポーネントが乗り切る",
    # polling
    "no events": "イベントなし",
    "second {second}: incarnation {incarnation}, {events}":
        "{second} 秒目: インカーネーション {incarnation}、{events}",
    # maintenance configurations (maintsim.facts.MAINTCONFIG_SCOPES; "Host" is in the sequence
    # figures' words)
    "Scope": "スコープ",
    "Applies to": "適用対象",
    "Window": "時間枠",
    "OS image": "OS イメージ",
    "Guest": "ゲスト",
    "isolated VMs, isolated scale sets, dedicated hosts":
        "分離 VM、分離スケール セット、専用ホスト",
    "window of at least 2 h; updates held back for up to 35 days":
        "2 時間以上の時間枠。更新は最長 35 日間保留される",
    "virtual machine scale sets": "仮想マシン スケール セット",
    "window of at least 5 h; recurrence of up to 7 days":
        "5 時間以上の時間枠。繰り返し間隔は最長 7 日",
    "VMs and Arc-enabled servers (Azure Update Manager)":
        "VM と Arc 対応サーバー (Azure Update Manager)",
    "window of 1 h 30 min to 3 h 55 min; repeats at least 6 h apart":
        "1 時間 30 分～3 時間 55 分の時間枠。繰り返しの間隔は 6 時間以上",
    # a 30 s freeze against each setting ("rides through" is chapter 6's)
    "gives up": "諦める",
    "A 30 s freeze against each setting": "各設定に対する 30 秒の一時停止",
    # the exercises' solutions
    "Started document: incarnation {incarnation}, NotBefore {not_before}.":
        "開始後のドキュメント: インカーネーション {incarnation}、NotBefore {not_before}。",
    "(blank)": "(空)",
    "affects:": "影響を受ける VM:",
    "a {freeze_s:g} s freeze:": "{freeze_s:g} 秒の一時停止:",
    " every component rides through": " すべてのコンポーネントが乗り切る",
    "Windows, default: last retransmission {last_s:g} s, gives up at {give_up_s:g} s":
        "Windows、既定値: 最後の再送 {last_s:g} 秒、{give_up_s:g} 秒で諦める",
}

_CH_EXPLORER: dict[str, str] = {
    # chapters/explorer: explorer_q3_met_clock, explorer_q3_met_9999
    "met": "達成",
    "missed": "未達",
}

_JA: dict[str, str] = {}
for _section in (_SITE, _FIGURES_SEQUENCE, _FIGURES_TIMELINE, _FIGURES_PLOTTING,
                 _FIGURES_PERCENTILES, _FIGURES_SLA, _FIGURES_FLEET, _FIGURES_WORKLOAD, _EXPLORER,
                 _MODEL_SLA, _MODEL_TIMELINE, _MODEL_SEQUENCE, _MODEL_WORKLOAD,
                 _MODEL_FREEZE, _MODEL_SCHEDULED_EVENTS, _MODEL_FACTS,
                 _CH01, _CH02, _CH03, _CH04, _CH05, _CH06, _CH07, _CH08, _CH09, _CH_EXPLORER):
    _repeated = sorted(set(_JA) & set(_section))
    if _repeated:
        raise ValueError(f"messages given twice in maintsim.messages: {_repeated}")
    _JA.update(_section)

MESSAGES: dict[str, dict[str, str]] = {"ja": _JA}
"""Every message by language, ``MESSAGES[lang][english] = translated``; English needs no entry."""

UNITS: dict[str, dict[str, str]] = {
    "ja": {
        " s": " 秒",
        " seconds": " 秒",
        " ms": " ミリ秒",
        " µs": " マイクロ秒",
        " min": " 分",
        " minutes": " 分",
        " hours": " 時間",
        " days": " 日",
        " weeks": " 週間",
        " months": " か月",
        " %": "%",
        " percent": "%",
        " times": " 倍",
        "x": " 倍",
        " requests": " 件のリクエスト",
        " requests a minute": " リクエスト/分",
        " update domains": " 個の更新ドメイン",
        "one in {:,.0f}": "{:,.0f} 回に一度",
        " to ": "～",
    },
}
"""How :class:`maintsim.book.KeyNumbers` writes the words around a number, by language: a literal
piece of a key number's format (``" s"`` of ``"{:.1f} s"``) and its translation, or a whole
format whose word order changes (``"one in {:,.0f}"``). The number itself is never changed."""
