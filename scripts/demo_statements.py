#!/usr/bin/env python3
"""Writes the demo year's bank statements from its ledger: the Compte Pro
(Swan-like CSV, UTF-8) and the old La Banque Postale account (preamble,
Windows-1252). Run once when the demo year changes:
    python3 scripts/demo_statements.py
The statements are what a bank would show: lines one or two days after the
entry, bank-style labels, a card fee the books do not have yet, a pending
line, and the last month's fee not yet on the statement."""
import csv, datetime, io

def day(text):
    return datetime.datetime.strptime(text, "%d/%m/%Y").date()

def cents(text):
    return round(float(text.replace("\u202f", "").replace(" ", "").replace(",", ".")) * 100)

def amount(c):
    sign = "-" if c < 0 else ""
    c = abs(c)
    return f"{sign}{c // 100},{c % 100:02d}"

rows = list(csv.DictReader(open("sample-data/annee-demo-2024-2025.csv", encoding="utf-8"), delimiter=";"))
pro = []
for r in rows:
    d = day(r["date"])
    c = cents(r["montant"])
    label = r["libelle"]
    if r["compte"] == "pro" and r["nature"] in ("recette", "depense"):
        signed = c if r["nature"] == "recette" else -c
        mode = r["mode"]
        if mode == "carte":
            shop = label.split(" – ")[0].split(" (")[0].upper()
            text = f"CARTE {d.strftime('%d/%m')} {shop}"
            when = d + datetime.timedelta(days=1)
        elif mode == "prelevement":
            text = "FRAIS TENUE DE COMPTE"
            when = d
        elif signed > 0:
            text = "VIR SEPA RECU " + label.split(" pour ")[0].upper()
            when = d + datetime.timedelta(days=1)
        else:
            text = "VIR SEPA EMIS " + label.split(" – ")[0].upper()
            when = d + datetime.timedelta(days=1)
        pro.append((when, signed, text, "Booked"))
    elif r["nature"] == "virement" and r["vers"] == "pro":
        when = d + datetime.timedelta(days=2)
        if r["compte"] == "en-ligne":
            text = "VIR SEPA RECU ASSOCONNECT VERSEMENT COLLECTES"
        elif r["compte"] == "caisse":
            text = "VIR SEPA RECU DEPOT ESPECES MANDATAIRE"
        else:
            text = "VIR SEPA RECU OCCE 06 SOLDE LBP"
        pro.append((when, c, text, "Booked"))
# What the books do not have yet: a card fee abroad, and a pending line.
pro.append((datetime.date(2025, 3, 12), -120, "COMMISSION PAIEMENT CARTE HORS ZONE EURO", "Booked"))
pro.append((datetime.date(2025, 8, 31), -2999, "CARTE 30/08 PAPETERIE DU PORT", "Pending"))
# The August fee is booked on 01/09 by the bank: not on this statement.
pro = [p for p in pro if not (p[0] == datetime.date(2025, 8, 31) and p[2] == "FRAIS TENUE DE COMPTE")]
pro.sort(key=lambda p: p[0])
out = io.StringIO()
w = csv.writer(out, delimiter=";", lineterminator="\n")
w.writerow(["Date d'opération", "Libellé", "Montant", "Devise", "Statut", "Identifiant"])
for n, (when, c, text, status) in enumerate(pro, 1):
    w.writerow([when.strftime("%d/%m/%Y"), text, amount(c), "EUR", status, f"tx-demo-{n:04d}"])
open("sample-data/demo-releve-compte-pro.csv", "w", encoding="utf-8").write(out.getvalue())

lbp_lines = [
    (datetime.date(2024, 9, 4), -14800, "CHEQUE N° 0004521"),
    (datetime.date(2024, 9, 11), -6345, "CHEQUE N° 0004522"),
    (datetime.date(2024, 10, 24), -221972, "VIREMENT POUR OCCE 06 SOLDE DU COMPTE"),
]
text = (
    "Numéro Compte ;0123456X020\n"
    "Type ;CCP\n"
    "Compte tenu en ;euros\n"
    "Date ;31/10/2024\n"
    "Solde (EUROS) ;0,00\n"
    "\n"
    "Date;Libellé;Montant(EUROS)\n"
)
for when, c, label in lbp_lines:
    text += f"{when.strftime('%d/%m/%Y')};{label};{amount(c)}\n"
open("sample-data/demo-releve-lbp.csv", "w", encoding="cp1252").write(text)
print(f"{len(pro)} lignes Compte Pro, {len(lbp_lines)} lignes LBP")
