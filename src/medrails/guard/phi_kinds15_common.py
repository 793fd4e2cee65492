"""Fresh-15 building blocks shared by its rule modules: the name-word, capitalised-word, town,
partial-date and particle patterns, and the street patterns (English street types, Romance street types that come
before the name, house-name particles and Romance linking words), the words an identifier scheme's name is made of,
and the words of a department or service.
"""

from __future__ import annotations

# a name word: capitalized or ALL CAPS, accents, apostrophes and hyphenated parts ("O'Sullivan-Park", "Rāwiri")
_NAMECAP = r"\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*"
_CAP = r"\p{Lu}[\p{Ll}\p{Lu}\p{M}'’]*\p{Ll}[\p{Ll}\p{M}'’]*(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*"
_CITY = r"\p{Lu}\p{Ll}[\p{L}\p{M}'’]*(?:-(?:\p{Ll}{1,5}-)*\p{Lu}?[\p{L}\p{M}'’]+)*(?:[ \t]+\p{Lu}\p{Ll}[\p{L}\p{M}'’-]+){0,2}"
_PARTIAL = r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
_PARTICLE = r"(?:van|von|der|den|de|da|das|dos|do|del|della|di|du|la|le|bin|binti|al|el|ter|ten|St\.?)"

_ENGLISH_STREET = (r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Tce|"
                   r"Crescent|Cres|Close|Cl|Gardens|Gdns|Grove|Gr|Mews|Rise|Parade|Pde|Wynd|Lawn|Green|Hill|View|Vale|"
                   r"Walk|Row|Square|Sq|Quay|Esplanade|Promenade|Circuit|Cct|Chase|Heights|Park|Highway|Hwy|Path|Track|"
                   r"Trail|Loop|Circle|Cir|Parkway|Pkwy|Alley|Brae|Dene|Glade|Croft|Drove|Garth|Loke|Ridge|Rd\.|St\.)")
# street types that come before the street's name (Romance languages): "7 avenue des Tilleuls", "12 Calle del Sol"
_LEADING_STREET = (r"(?i:rue|avenue|av\.|ave\.|boulevard|bd|bld|chemin|allée|allee|impasse|place|quai|route|cours|"
                   r"calle|c/|avenida|avda\.?|paseo|camino|carrera|carretera|ronda|plaza|pasaje|rua|travessa|estrada|"
                   r"largo|praça|praca|alameda|via|viale|piazza|corso|vicolo|strada|piazzale|lungomare)")
_HOUSE_PARTICLE = r"(?:na|an|a['’]|ar|mo|y|yr|i|de|la|le|du|van|von|der|am|im|an|on|the|of)"
_ROMANCE_LINK = (r"(?:(?i:de|des|du|de[ \t]+la|de[ \t]+l['’]|d['’]|del|de[ \t]+los|de[ \t]+las|da|do|dos|das|di|della|"
                 r"dei|degli|delle|la|le|les|l['’]|el|los|las|san|santa|são|sao)[ \t]*)")


# the words a scheme's name is made of (a cheap test before the scheme regex runs)
_SCHEME_WORDS = frozenset("""
cpf cnpj rg cns curp rfc nss nir insee dni nie nif rut run cuil cuit dpi ine bsn pesel ahv avs eid emirates iqama cnic
nicop nic nin nino tfn ird nhi nhs chi ihi ppsn uhid nik ktp mykad hkid nric tc kimlik personnummer cpr ssn sin tin abha
aadhaar aadhar philhealth sss umid gsis ohip phn hcn msp ramq uli amka egn jmbg oib medicare medicaid carte vitale
codice fiscale tessera sanitaria sécurité securité sécurite securite social national passport identity id card ic dui
cin cni mcr cédula cedula carnet documento
""".split())
_DEPARTMENT_WORDS = frozenset("""
portal support team desk services service office billing scheduling admin administration helpdesk help notifications
notification reception records enquiries inquiries appointments booking bookings accounts payments access customer
pharmacy nursing triage intake referrals referral coordination operations informatics no-reply noreply mailbox inbox
hub unit department dept care centre center patient member relations experience feedback messaging alerts system
""".split())
