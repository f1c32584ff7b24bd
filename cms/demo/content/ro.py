"""Demo course content in Romanian: the home page, the course and two modules.

Same structure as en.py; modules are matched to the English source by slug.
"""

from __future__ import annotations

HOME = {
    "title": "Părăsirea sistemului de protecție: învățare pentru o tranziție bazată pe drepturile copilului",
    "intro": [
        "Această platformă sprijină profesioniștii din domeniul îngrijirii, formatorii și tinerii din Europa Centrală și de Est care își doresc ca părăsirea îngrijirii alternative să fie un proces planificat, sprijinit și bazat pe drepturi, nu un rămas-bun brusc la 18 ani.",
        "Cursul pornește de la ceea ce le-au spus profesioniștilor tinerii cu experiență în sistemul de protecție: vor să înceapă pregătirea cu <b>doi până la trei ani</b> înainte de plecare, vor să fie ascultați și vor sprijin din partea unor oameni care îi tratează cu respect și îi recunosc ca persoane unice.",
        "Puteți învăța online, în ritmul propriu, puteți participa la formare față în față în țara dumneavoastră sau le puteți combina. Formatorii vor găsi îndrumări pentru desfășurarea sesiunilor alături de materialele de învățare, iar unul dintre module li se adresează direct tinerilor.",
    ],
}

COURSE = {
    "slug": "child-rights-leaving-care",
    "title": "Practică bazată pe drepturile copilului în lucrul cu tinerii care părăsesc sistemul de protecție",
    "summary": "Un curs pentru profesioniști din domeniul îngrijirii, formatori și tineri despre aplicarea abordării bazate pe drepturile copilului atunci când tinerii se pregătesc să părăsească îngrijirea alternativă și să înceapă o viață independentă.",
    "description": [
        "Tinerii care cresc în servicii de tip rezidențial, în case de tip familial sau la asistenți maternali profesioniști părăsesc de obicei sistemul la o vârstă fixă, adesea la 18 ani, și se așteaptă de la ei să se descurce singuri mult mai devreme decât cei de vârsta lor care cresc în familie. Mulți dintre ei nu au rețeaua de sprijin pe care o oferă familia, iar lipsa unor cadre naționale privind părăsirea sistemului de protecție contribuie semnificativ la rezultatele slabe ale tinerilor care părăsesc sistemul.",
        "Cursul a fost dezvoltat pornind de la proiectul „Leaving Care” (Părăsirea sistemului de protecție, aprilie 2018 – aprilie 2020), derulat de SOS Satele Copiilor împreună cu asociațiile sale naționale din Bulgaria, Estonia, Ungaria, Italia și România, precum și cu FICE Austria și FONPC, cu cofinanțare prin Programul „Drepturi, egalitate și cetățenie” al Uniunii Europene. Proiectul a format 66 de formatori principali, care au susținut formări naționale, inclusiv un modul pentru tineri, pentru aproximativ 378 de profesioniști din domeniul îngrijirii din șase țări.",
        "Cursul are șase module. Primele patru se adresează profesioniștilor din domeniul îngrijirii: drepturile copilului și procesul de părăsire a sistemului de protecție, participarea, pregătirea timpurie și construirea rețelelor de sprijin. Al cincilea modul este scris pentru tinerii cu vârste între aproximativ 15 și 21 de ani. Al șaselea modul se adresează formatorilor care susțin formarea națională în țara lor.",
        "Fiecare lecție combină texte scurte, citate ale tinerilor și din ghidurile de practică, mesaje-cheie și întrebări de reflecție. Notele pentru desfășurarea față în față a fiecărei părți sunt vizibile doar formatorilor.",
    ],
}

MODULES = [
    # ------------------------------------------------------------------
    # Modulul 1
    # ------------------------------------------------------------------
    {
        "slug": "childrens-rights-and-leaving-care",
        "title": "Drepturile copilului și procesul de părăsire a sistemului de protecție",
        "summary": "De ce părăsirea sistemului de protecție este o chestiune de drepturi ale copilului, ce înseamnă abordarea bazată pe drepturile copilului în practica de zi cu zi și de ce rezultatele tinerilor care părăsesc sistemul sunt încă prea des slabe.",
        "audience": "professionals",
        "delivery_mode": "blended",
        "duration_minutes": 115,
        "objectives": [
            "Să explicați modul în care Convenția ONU cu privire la drepturile copilului și Liniile directoare ONU privind îngrijirea alternativă a copiilor se aplică tinerilor care părăsesc sistemul de protecție.",
            "Să descrieți principiile abordării bazate pe drepturile copilului și să le recunoașteți în practica de zi cu zi.",
            "Să rezumați principalele motive pentru care rezultatele tinerilor care părăsesc sistemul de protecție sunt adesea slabe, inclusiv lipsa unor cadre naționale în acest domeniu.",
            "Să identificați cel puțin o schimbare în propria practică prin care părăsirea sistemului de protecție ar deveni mai bine ancorată în drepturi.",
        ],
        "lessons": [
            {
                "slug": "rights-before-during-and-after-care",
                "title": "Drepturile copilului înainte, în timpul și după îngrijirea alternativă",
                "intro": "Părăsirea sistemului de protecție nu este doar un pas administrativ: este un moment în care drepturile unui tânăr fie devin reale, fie se pierd pe nesimțite.",
                "estimated_minutes": 35,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Cei mai mulți tineri din Europa pleacă din casa familiei treptat, adesea mult după vârsta de 20 de ani, și se pot întoarce atunci când ceva nu merge bine. Tinerii din îngrijirea alternativă au de obicei o experiență foarte diferită. Ei părăsesc un centru de plasament, o casă de tip familial sau familia asistentului maternal la o vârstă fixă, adesea la 18 ani, și se așteaptă de la ei să se descurce singuri aproape peste noapte.",
                            "Acest curs își propune să schimbe această experiență. El pornește de la o idee simplă: tânărul care părăsește sistemul de protecție este <b>titular de drepturi</b>, iar profesioniștii, serviciile și autoritățile din jurul său sunt <b>purtători de obligații</b>.",
                            "### Convenția ONU cu privire la drepturile copilului",
                            "Convenția ONU cu privire la drepturile copilului (CDC) a fost adoptată în 1989 și a fost ratificată de toate țările în care este folosit acest curs. România, de exemplu, a ratificat-o în 1990 și s-a angajat să promoveze drepturile copilului, ceea ce a deschis o lungă reformă a sistemului său de protecție a copilului. Convenția se aplică fiecărui copil, inclusiv fiecărui copil aflat în îngrijire alternativă. Mai multe dintre principiile sale contează direct pentru părăsirea sistemului de protecție:",
                            "- <b>Interesul superior (articolul 3):</b> interesul superior al copilului este o considerație primordială în toate deciziile, inclusiv atunci când se stabilește când și cum părăsește un tânăr sistemul de protecție.",
                            "- <b>Dreptul de a fi ascultat (articolul 12):</b> copilul capabil de discernământ are dreptul de a-și exprima liber opiniile în toate problemele care îl privesc, iar opiniile sale sunt luate în considerare în funcție de vârsta și gradul său de maturitate.",
                            "- <b>Sprijinul pentru familii (articolele 18 și 27):</b> statele sprijină părinții și familiile, astfel încât copiii să poată crește într-un mediu familial ori de câte ori este posibil.",
                            "- <b>Pregătirea pentru viața în societate (preambul):</b> copilul trebuie să fie pe deplin pregătit să ducă o viață independentă în societate.",
                            "### Liniile directoare ONU privind îngrijirea alternativă a copiilor",
                            "Liniile directoare ONU privind îngrijirea alternativă a copiilor (2009) explică modul în care Convenția se aplică copiilor care nu pot locui cu părinții lor. Ele cer statelor să prevină plasamentele inutile, să aleagă forma de îngrijire cea mai potrivită pentru fiecare copil, să îi pregătească pe tineri pentru părăsirea sistemului și să îi sprijine după aceea. Pregătirea ar trebui să înceapă cât mai devreme, iar tânărul ar trebui să participe la planificarea ei.",
                            "### Un proces, nu un eveniment",
                            "În multe sisteme, părăsirea îngrijirii este tratată încă drept un eveniment administrativ: o dată într-un dosar, ziua în care încetează o măsură de protecție specială. Abordarea bazată pe drepturile copilului o vede ca pe un proces care începe cu ani înainte ca tânărul să se mute și continuă mult timp după aceea. Tinerii care au părăsit sistemul o descriu exact așa. Ei vor timp să încerce lucrurile, să vadă dacă sunt pregătiți și să aibă pe cineva alături dacă nu sunt.",
                            "În acest curs, prin <i>tineri care părăsesc sistemul de protecție</i> înțelegem tinerii care se pregătesc să părăsească sau au părăsit recent îngrijirea rezidențială, îngrijirea de tip familial sau asistența maternală. Prin <i>profesioniști din domeniul îngrijirii</i> înțelegem asistenți sociali, educatori și îngrijitori din serviciile rezidențiale și de tip familial, asistenți maternali profesioniști, manageri de caz, psihologi, precum și personalul DGASPC, al altor autorități de protecție a copilului și al ONG-urilor.",
                        ],
                    ),
                    (
                        "quote",
                        {
                            "text": "În primul rând, câștigarea independenței ar trebui tratată ca un proces în care să poți vedea cum merg lucrurile. Și dacă persoana respectivă este pregătită. Iar dacă el sau ea nu este pregătit, ar trebui măcar să aibă pe cineva alături, ca să nu se împiedice și să cadă pur și simplu.",
                            "attribution": "Tânăr care a părăsit sistemul de protecție",
                            "source": "Ghidul de practică „Pregătirea pentru părăsirea sistemului de protecție”",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Drepturile nu se termină la 18 ani",
                            "message": "Un tânăr care părăsește sistemul de protecție își păstrează toate drepturile. Datoria noastră ca profesioniști este să facem ca aceste drepturi să fie reale în practică: să fie ascultat, să fie pregătit la timp și să aibă pe cineva alături.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Gândiți-vă la un tânăr cu care ați lucrat și care a părăsit recent sistemul de protecție. Plecarea lui a fost tratată ca un eveniment sau ca un proces? Ce ar fi trebuit să fie diferit pentru ca el să o trăiască drept un proces?",
                            "guidance": "Notați două sau trei momente concrete: când a auzit tânărul pentru prima dată despre plecare, cine a vorbit cu el despre asta și ce s-a întâmplat în prima lună după ce a plecat.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Începeți prin a le cere participanților să își amintească propria plecare din casa familiei: ce vârstă aveau, cine i-a ajutat și dacă se puteau întoarce. Notați câteva răspunsuri pe flipchart și comparați-le cu vârsta fixă de plecare cu care se confruntă majoritatea tinerilor care părăsesc sistemul de protecție.",
                                "Păstrați scurtă partea juridică. Dați fiecărui grup mic unul dintre cele patru principii și cereți-i să găsească un exemplu din propriul serviciu în care principiul este respectat și unul în care nu este. În plen, preluați câte un exemplu de la fiecare grup.",
                            ],
                            "suggested_minutes": 30,
                        },
                    ),
                ],
            },
            {
                "slug": "a-child-rights-based-approach",
                "title": "Ce înseamnă în practică abordarea bazată pe drepturile copilului",
                "intro": "Abordarea bazată pe drepturile copilului nu este un program suplimentar, ci un mod de lucru care modelează fiecare decizie și fiecare contact zilnic cu tânărul.",
                "estimated_minutes": 40,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Principalul obiectiv al proiectului Leaving Care a fost integrarea unei culturi bazate pe drepturile copilului în sistemele de protecție a copilului, pentru a obține rezultate mai bune pentru tinerii care părăsesc sistemul. Cuvântul <i>cultură</i> contează. Rezultatele bune nu ar trebui să depindă de bunăvoința unui singur asistent social sau educator devotat, ci de modul în care sunt organizate serviciile, de felul în care se iau deciziile și de modul în care sunt tratați tinerii în fiecare zi.",
                            "### Titulari de drepturi și purtători de obligații",
                            "În abordarea bazată pe drepturi, tânărul este titular de drepturi, nu un beneficiar pasiv de servicii sau pur și simplu un „caz”. Profesioniștii, serviciile și statul sunt purtători de obligații: au datoria de a respecta, proteja și îndeplini drepturile tânărului. Acest lucru schimbă întrebarea pe care ne-o punem. În loc de „Ce oferă serviciul nostru?” ne întrebăm „La ce are dreptul acest tânăr și de ce are nevoie pentru a-și exercita acest drept?”",
                            "### Principii care ghidează practica",
                            "Principiile de mai jos provin din munca bazată pe drepturile copilului cu copii și familii din Europa Centrală și de Est. Ele se aplică direct pregătirii tinerilor pentru părăsirea sistemului de protecție:",
                            "- <b>Centrat pe copil:</b> o atenție clară acordată dorințelor, sentimentelor, protecției și bunăstării tânărului.",
                            "- <b>Participativ:</b> tinerii sunt recunoscuți ca experți în propria viață, iar opiniile lor sunt ascultate și luate în serios.",
                            "- <b>Adecvat și personalizat:</b> sprijinul răspunde nevoilor individuale ale fiecărui tânăr, în loc să ofere un pachet standard.",
                            "- <b>Receptiv și flexibil:</b> sprijinul se adaptează nevoilor în schimbare, momentului și circumstanțelor.",
                            "- <b>Bazat pe resurse:</b> pornim de la ceea ce tânărul știe deja să facă și de la resursele din jurul lui, în loc să ne concentrăm pe probleme sau deficite.",
                            "- <b>Respectuos:</b> profesioniștii și tinerii lucrează împreună în relații bazate pe egalitate, respect și încredere.",
                            "- <b>Incluziv social:</b> combatem activ discriminarea pe criterii de etnie, dizabilitate sau mediu social.",
                            "- <b>Orientat spre rețele:</b> consolidăm rețelele informale de sprijin, precum și accesul la serviciile formale.",
                            "### Ce au cerut tinerii care au părăsit sistemul",
                            "Proiectul „Pregătirea pentru părăsirea sistemului de protecție” (Prepare for Leaving Care, 2017–2018) a ascultat tineri cu experiență în sistemul de protecție din mai multe țări europene. Aceștia au spus că vor să fie sprijiniți de profesioniști care îi abordează cu respect. Vor flexibilitate, respect și recunoașterea individualității lor, precum și răspunsuri personalizate, adaptate nevoilor lor individuale. Acestea nu sunt opțiuni suplimentare: așa arată o abordare bazată pe drepturi văzută din perspectiva tânărului.",
                            "În practica de zi cu zi, acest lucru poate fi la fel de simplu ca a bate la ușă înainte de a intra într-o cameră, a explica o decizie înainte de a fi luată sau a-l întreba pe tânăr cum ar dori să se desfășoare o întâlnire. Înseamnă, de asemenea, să fim sinceri cu privire la ceea ce nu se poate schimba și de ce.",
                        ],
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Flexibilitate și respect",
                            "message": "Tinerii care părăsesc sistemul de protecție își doresc profesioniști care îi abordează cu respect, îi recunosc ca persoane unice și oferă răspunsuri flexibile, personalizate, în locul unui singur traseu standard pentru toți.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Alegeți o rutină din serviciul dumneavoastră, de exemplu modul în care se dau banii de buzunar, cum se repartizează camerele sau cum se revizuiesc planurile individualizate de protecție. Este tratat tânărul ca titular de drepturi în această rutină? Ce mică schimbare ar face-o mai bine ancorată în drepturi?",
                            "guidance": "Urmăriți cine decide, cine este informat și cine este întrebat. O schimbare nu are nevoie de un buget nou ca să conteze.",
                        },
                    ),
                    (
                        "resource",
                        {
                            "title": "Practica bazată pe drepturile copilului: autoevaluare pentru profesioniștii din domeniul îngrijirii",
                            "description": "Douăsprezece afirmații cu ajutorul cărora vă puteți evalua propria practică sau practica echipei în raport cu principiile abordării bazate pe drepturile copilului.",
                            "filename": "child-rights-self-check.txt",
                            "text": (
                                "PRACTICA BAZATĂ PE DREPTURILE COPILULUI: AUTOEVALUARE PENTRU PROFESIONIȘTII DIN DOMENIUL ÎNGRIJIRII\n"
                                "\n"
                                "Evaluați fiecare afirmație: 1 = rareori, 2 = uneori, 3 = de obicei, 4 = întotdeauna.\n"
                                "Apoi marcați cele două afirmații la care doriți cel mai mult să vă îmbunătățiți practica.\n"
                                "\n"
                                "Dreptul de a fi ascultat\n"
                                "[ ] 1. Tinerii sunt întrebați ce părere au înainte de a se lua decizii despre viața lor.\n"
                                "[ ] 2. Când decidem împotriva dorinței unui tânăr, îi explicăm de ce.\n"
                                "[ ] 3. Tinerii participă la întâlnirile de planificare și de revizuire a propriului plan.\n"
                                "\n"
                                "Informare\n"
                                "[ ] 4. Tinerii știu ce scrie în planul lor și pot cere modificări.\n"
                                "[ ] 5. Informațiile despre părăsirea sistemului sunt oferite într-un mod potrivit vârstei și abilităților tânărului.\n"
                                "\n"
                                "Pregătire\n"
                                "[ ] 6. Pregătirea pentru părăsirea sistemului începe cu doi până la trei ani înainte de plecarea tânărului.\n"
                                "[ ] 7. Tinerii pot exersa viața independentă pas cu pas și pot greși în siguranță.\n"
                                "\n"
                                "Respect și flexibilitate\n"
                                "[ ] 8. Personalul îi abordează pe tineri cu respect, inclusiv în situații de conflict.\n"
                                "[ ] 9. Sprijinul este adaptat fiecărui tânăr, nu urmează un singur traseu standard.\n"
                                "[ ] 10. Nimeni nu este tratat diferit din cauza etniei, a dizabilității sau a mediului din care provine.\n"
                                "\n"
                                "Rețele\n"
                                "[ ] 11. Îi ajutăm pe tineri să păstreze și să construiască relații cu oamenii care contează pentru ei.\n"
                                "[ ] 12. Tinerii știu pe cine pot contacta după plecare și cum.\n"
                                "\n"
                                "Cele două priorități ale mele pentru îmbunătățire:\n"
                                "1. ______________________________________________\n"
                                "2. ______________________________________________\n"
                                "\n"
                                "Un pas pe care îl voi face în luna următoare:\n"
                                "__________________________________________________\n"
                            ),
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Folosiți autoevaluarea ca exercițiu în perechi: participanți din servicii diferite evaluează fiecare afirmație individual și apoi compară rezultatele. Nu este un test, așa că nu strângeți punctajele; scopul este să observați tipare și diferențe.",
                                "Dacă sunt prezenți manageri, întrebați care afirmații depind de fiecare angajat în parte și care depind de reguli, proceduri și resurse. Astfel se face trecerea spre lecția următoare, despre motivele rezultatelor slabe și importanța cadrelor naționale.",
                            ],
                            "suggested_minutes": 25,
                        },
                    ),
                ],
            },
            {
                "slug": "why-outcomes-are-poor",
                "title": "De ce rezultatele tinerilor care părăsesc sistemul de protecție sunt adesea slabe",
                "intro": "Rezultatele slabe ale tinerilor care părăsesc sistemul de protecție nu sunt o consecință a ceea ce sunt ei, ci a ceea ce li se întâmplă înainte, în timpul și după îngrijire.",
                "estimated_minutes": 40,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Cercetările arată că tinerii cu experiență în sistemul de protecție sunt unul dintre cele mai vulnerabile grupuri din societate. Mulți se confruntă cu stigmatizare și discriminare, instabilitate, teamă și singurătate. În comparație cu cei de vârsta lor, este mai probabil să se confrunte cu:",
                            "- o stare de sănătate mintală și fizică mai precară și o rată mai mare a deceselor timpurii;",
                            "- un nivel de calificare educațională mai scăzut;",
                            "- un nivel mai ridicat al șomajului;",
                            "- sărăcie financiară și materială;",
                            "- lipsa unei locuințe;",
                            "- o rată mai mare a sarcinilor în adolescență;",
                            "- o probabilitate mai mare de a fi implicați în activități infracționale sau expuși acestora.",
                            "### Cine ajunge în sistemul de protecție",
                            "Cei mai mulți copii din îngrijirea alternativă din regiune au unul sau ambii părinți în viață, iar în multe cazuri plasamentul ar fi putut fi evitat dacă familia ar fi primit sprijinul potrivit. Sărăcia și alți factori de stres social rămân un motiv important al plasamentelor. Și discriminarea joacă un rol. Un studiu al Comisiei Europene din 2020 a constatat că în Ungaria, Bulgaria și România aproximativ 60% dintre copiii din instituții sunt de etnie romă, în timp ce romii reprezintă aproximativ 10% din totalul populației. Și copiii cu dizabilități sunt suprareprezentați: la sfârșitul anului 2014, 30% dintre copiii aflați în îngrijire alternativă în România erau copii cu dizabilități. De aceea, mulți tineri care părăsesc sistemul de protecție sunt dezavantajați de două ori: ca tineri care părăsesc sistemul și din cauza etniei sau a dizabilității lor.",
                            "### Ce a constatat proiectul „Pregătirea pentru părăsirea sistemului de protecție”",
                            "Proiectul „Pregătirea pentru părăsirea sistemului de protecție” (2017–2018) a formulat cinci constatări care stau la baza întregului curs:",
                            "- Tinerii vor să înceapă pregătirea pentru tranziția spre independență cu doi până la trei ani înainte de a părăsi efectiv îngrijirea alternativă.",
                            "- Tinerii care părăsesc sistemul de protecție nu au rețeaua de sprijin pe care o au copiii care cresc în familiile lor.",
                            "- Tinerii care părăsesc sistemul de protecție vor să fie sprijiniți de profesioniști care îi abordează cu respect.",
                            "- Tinerii care părăsesc sistemul de protecție vor flexibilitate, respect și recunoașterea individualității lor, precum și răspunsuri personalizate, adaptate nevoilor lor individuale.",
                            "- Lipsa unor cadre naționale privind părăsirea sistemului de protecție contribuie semnificativ la rezultatele slabe ale acestor tineri.",
                            "### Cadrul care lipsește",
                            "Ultima constatare este ușor de trecut cu vederea. Acolo unde nu există un cadru național privind părăsirea sistemului de protecție, sprijinul depinde de locul în care se întâmplă să locuiască tânărul și de profesionistul care se întâmplă să fie responsabil de el. Se poate ca tânărul să nu aibă un drept clar de a rămâne în plasament după 18 ani, să nu existe o vârstă convenită la care începe pregătirea, nimeni să nu răspundă de monitorizarea ulterioară și să nu existe date despre ce se întâmplă cu tinerii după plecare. Bunele practici locale, precum traseele de integrare ale Direcției Generale de Asistență Socială și Protecția Copilului (DGASPC) Sector 6 din București, descrise în modulul 4, arată ce este posibil, dar nu pot înlocui un cadru care să se aplice fiecărui tânăr.",
                            "De aceea, proiectul Leaving Care a combinat formarea cu recomandări de politici publice la nivel național, astfel încât drepturile copilului, cu accent special pe părăsirea sistemului de protecție, să devină parte din formarea tuturor îngrijitorilor și a celorlalți profesioniști care lucrează în îngrijirea alternativă.",
                        ],
                    ),
                    (
                        "quote",
                        {
                            "text": "Toți cei implicați în procesul de părăsire a sistemului de protecție ar trebui să lucreze în mod clar împreună, pentru a se asigura că tinerilor care părăsesc sistemul li se oferă sprijin de cea mai înaltă calitate posibilă, care să corespundă cel mai bine nevoilor, dorințelor și circumstanțelor lor individuale.",
                            "attribution": "Ghidul de practică „Pregătirea pentru părăsirea sistemului de protecție”",
                            "source": "",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Pregătirea începe devreme",
                            "message": "Tinerii vor să înceapă pregătirea pentru independență cu doi până la trei ani înainte de a părăsi îngrijirea alternativă. O pregătire care începe cu câteva săptămâni înainte de împlinirea vârstei de 18 ani vine prea târziu.",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Nimeni nu ar trebui să plece singur din sistem",
                            "message": "Tinerii care părăsesc sistemul de protecție nu au rețeaua de sprijin pe care o oferă familia. Construirea acestei rețele împreună cu ei și colaborarea dintre servicii fac parte din munca noastră, nu sunt un extra opțional.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Care dintre cele cinci constatări descrie cel mai mare gol din țara sau din serviciul dumneavoastră în prezent? Ce s-ar putea schimba la nivel local și ce necesită o decizie la nivel național?",
                            "guidance": "Separați ceea ce puteți influența singuri de ceea ce necesită decizia unui manager, a unei autorități sau o lege. Păstrați-vă notițele: veți reveni la ele în modulul 4.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Prezentați lista rezultatelor fără comentarii, apoi întrebați: „Pe care dintre acestea le-ați văzut la tinerii pe care îi cunoașteți?” Acordați timp. Discuția poate fi încărcată emoțional pentru profesioniștii care au pierdut legătura cu unii tineri sau care știu de destine dificile.",
                                "Tratați cu grijă cifrele despre copiii romi și copiii cu dizabilități. Prezentați-le ca dovezi ale modului în care sistemul tratează anumite grupuri, nu ca pe caracteristici ale acestor grupuri. Dacă discuția alunecă spre stereotipuri, readuceți-o la întrebarea despre ce fac serviciile și ce ar putea face diferit.",
                                "Încheiați cu un vot rapid: fiecare participant lipește un sticker lângă constatarea pe care o consideră cel mai mare gol la nivel local. Păstrați flipchartul pentru modulul 4.",
                            ],
                            "suggested_minutes": 35,
                        },
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Modulul 5: modulul pentru tineri
    # ------------------------------------------------------------------
    {
        "slug": "your-move-guide-for-young-people",
        "title": "Pasul tău: ghid pentru tinerii care părăsesc sistemul de protecție",
        "summary": "Pentru tinerii cu vârste între aproximativ 15 și 21 de ani care locuiesc în sistemul de protecție sau l-au părăsit recent. Drepturile tale, cum îți planifici mutarea, noțiuni de bază despre bani și locuință și cine te poate ajuta.",
        "audience": "young_people",
        "delivery_mode": "blended",
        "duration_minutes": 130,
        "objectives": [
            "Să cunoști principalele drepturi pe care le ai cât timp ești în sistemul de protecție și după ce îl părăsești.",
            "Să începi propriul plan de plecare din sistem împreună cu oamenii care te sprijină.",
            "Să faci un buget lunar simplu și să cunoști principalele variante de locuire.",
            "Să știi cine te poate ajuta, cum îți construiești propria rețea de sprijin și cum să îți spui părerea.",
        ],
        "lessons": [
            {
                "slug": "your-rights-and-your-voice",
                "title": "Drepturile tale și vocea ta",
                "intro": "Ai drepturi cât timp ești în sistemul de protecție și după ce îl părăsești, iar unul dintre cele mai importante este dreptul de a spune ce crezi despre deciziile care îți afectează viața.",
                "estimated_minutes": 30,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Această parte a cursului este pentru tine dacă locuiești într-un centru de plasament, într-o casă de tip familial sau la un asistent maternal și vei părăsi sistemul de protecție în următorii câțiva ani, sau dacă l-ai părăsit de curând. La realizarea ei au ajutat tineri care au fost cândva exact unde ești tu acum.",
                            "### Ai drepturi, înainte și după 18 ani",
                            "Fiecare copil are drepturi. Ele sunt scrise în Convenția ONU cu privire la drepturile copilului, iar țara ta a promis că le va respecta. Faptul că locuiești în sistemul de protecție nu îți ia niciunul dintre drepturi. Împlinirea vârstei de 18 ani nu înseamnă că pierzi dreptul de a fi tratat cu respect și corectitudine sau de a primi sprijinul la care ai dreptul.",
                            "Iată câteva drepturi care contează foarte mult atunci când te pregătești să pleci din sistem:",
                            "- <b>Dreptul de a fi ascultat.</b> Când adulții iau decizii despre viața ta, ai dreptul să spui ce crezi, iar ei trebuie să îți ia în serios părerea.",
                            "- <b>Dreptul la informare.</b> Ai dreptul să știi ce se plănuiește pentru tine, ce opțiuni ai și ce sprijin există, explicate astfel încât să le înțelegi.",
                            "- <b>Dreptul de a fi pregătit.</b> Ar trebui să primești timp și ajutor ca să înveți tot ce îți trebuie pentru a trăi pe cont propriu, nu un rămas-bun în grabă.",
                            "- <b>Dreptul de a fi tratat corect.</b> Nimeni nu ar trebui să te trateze mai rău pentru că ai crescut în sistemul de protecție sau din cauza etniei tale, a unei dizabilități ori a locului de unde vii.",
                            "### Spune ce ai de spus",
                            "Nu ești întotdeauna ascultat de la sine. Uneori trebuie să ceri asta. Poți:",
                            "- să ceri o întâlnire cu asistentul social sau cu managerul de caz ca să discutați despre planul tău;",
                            "- să ceri să vezi ce s-a scris despre tine și să ceri corectarea greșelilor;",
                            "- să vii la întâlnirile importante însoțit de cineva în care ai încredere;",
                            "- să îți notezi întrebările înainte de o întâlnire, ca să nu le uiți;",
                            "- să spui „Nu înțeleg, puteți să-mi explicați?” de câte ori ai nevoie.",
                            "Dacă nu ești de acord cu o decizie, spune asta și întreabă ce poți face. Fiecare serviciu ar trebui să aibă o modalitate prin care să poți depune o plângere, iar tu ai dreptul să știi cum funcționează. Să pui întrebări nu înseamnă să faci probleme. Înseamnă să îți folosești drepturile.",
                            "### Vocea ta poate schimba lucrurile și pentru alții",
                            "În proiectul Leaving Care, tineri care au crescut în sistemul de protecție au format Grupuri de Tineri Experți în țările lor. Ei au ajutat la conceperea formării pentru profesioniști precum asistentul tău social și le-au spus factorilor de decizie ce trebuie schimbat. Dacă există un consiliu al tinerilor sau un grup de acest fel aproape de tine, te poți alătura.",
                        ],
                    ),
                    (
                        "quote",
                        {
                            "text": "Ca tânăr implicat în proiect, am simțit mereu că părerile mele contează și că oamenii din fața mea erau deschiși și interesați de ceea ce aveam de spus.",
                            "attribution": "Tânăr, Ungaria",
                            "source": "Interviu din proiectul Leaving Care",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Părerea ta contează",
                            "message": "Ai dreptul să spui ce crezi despre orice decizie care îți afectează viața, iar adulții trebuie să îți ia părerea în serios. Acest drept nu se termină când împlinești 18 ani.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Gândește-te la o decizie luată despre viața ta în ultimul an. Ai fost întrebat ce crezi? Dacă te-ai putea întoarce în timp, ce ai vrea să spui?",
                            "guidance": "Nu trebuie să împărtășești răspunsul cu nimeni. Dacă îl scrii, te poate ajuta să te pregătești pentru următoarea întâlnire despre planul tău.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Dacă este posibil, desfășurați această parte împreună cu un tânăr expert în rol de co-facilitator. Tinerii ascultă altfel pe cineva care a fost el însuși în sistemul de protecție.",
                                "Nu le cereți participanților să își povestească experiențele personale în grup. Folosiți întrebarea de reflecție ca exercițiu individual, în scris, apoi cereți doar observații generale, de exemplu „Ce face să fie greu să-ți spui părerea?”. Asigurați-vă că după sesiune este disponibil un adult de încredere pentru oricine este supărat.",
                            ],
                            "suggested_minutes": 25,
                        },
                    ),
                ],
            },
            {
                "slug": "planning-your-move",
                "title": "Cum îți planifici mutarea",
                "intro": "Plecarea din sistemul de protecție merge mai bine atunci când se face pas cu pas, pe baza unui plan la care contribui și tu.",
                "estimated_minutes": 35,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Plecarea din sistemul de protecție este un pas mare și merge mai bine când nu se întâmplă dintr-odată. Tinerii care au plecat deja spun că și-ar fi dorit să înceapă pregătirea cu doi până la trei ani înainte de plecarea efectivă. Poate părea devreme, dar sunt multe de învățat și e mult mai ușor să le înveți cât timp ai încă oameni în jurul tău în fiecare zi.",
                            "### Începe devreme, pas cu pas",
                            "Să te pregătești înseamnă să încerci lucrurile cât timp mai ai o plasă de siguranță. Ai putea începe prin a-ți face singur cumpărăturile timp de o săptămână, apoi să îți gestionezi banii timp de o lună, apoi să locuiești într-un apartament de exersare sau într-o parte mai independentă a casei, dacă serviciul tău are așa ceva. Dacă ceva nu merge, asta face parte din învățare, nu este un eșec.",
                            "### Planul tău",
                            "Ar trebui să ai un plan pentru plecarea din sistem și ar trebui să participi la scrierea lui. Este planul tău, nu doar un formular din dosar. Un plan bun spune:",
                            "- unde vei locui după ce pleci și ce se întâmplă dacă lucrurile nu merg;",
                            "- ce vei face: școală, cursuri de calificare, facultate sau un loc de muncă;",
                            "- câți bani vei avea și de unde vor veni;",
                            "- cine te va sprijini și cum îi poți contacta;",
                            "- ce mai vrei să înveți înainte să pleci;",
                            "- când va fi verificat din nou planul.",
                            "Cere să îți vezi planul și cere să fie modificat atunci când lucrurile se schimbă. Un plan ar trebui verificat regulat, nu o singură dată.",
                            "### Ești pregătit?",
                            "Nu există un examen pentru a fi pregătit, iar pregătirea nu ține doar de vârstă. Contează dacă te simți în stare să ai grijă de tine, dacă știi unde vei locui și dacă știi pe cine poți suna la două noaptea când ceva nu merge bine. Dacă nu te simți pregătit, spune asta. Ai dreptul să ceri mai mult timp sau mai mult sprijin.",
                            "### Documente importante",
                            "Înainte să pleci, asigură-te că ai cartea de identitate, certificatul de naștere, documentele de asigurare de sănătate, diplomele și certificatele de studii și orice acte privind beneficiile sau sprijinul la care ai dreptul. Păstrează originalele într-un loc sigur și fă-le poze cu telefonul.",
                        ],
                    ),
                    (
                        "quote",
                        {
                            "text": "În primul rând, câștigarea independenței ar trebui tratată ca un proces în care să poți vedea cum merg lucrurile. Și dacă persoana respectivă este pregătită. Iar dacă el sau ea nu este pregătit, ar trebui măcar să aibă pe cineva alături, ca să nu se împiedice și să cadă pur și simplu.",
                            "attribution": "Tânăr care a părăsit sistemul de protecție",
                            "source": "Ghidul de practică „Pregătirea pentru părăsirea sistemului de protecție”",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Începe cu doi până la trei ani înainte să pleci",
                            "message": "Tinerii care au părăsit sistemul de protecție spun că cel mai bun moment pentru a începe pregătirea este cu doi până la trei ani înainte de plecare. Poți cere ca pregătirea ta să înceapă chiar acum.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Imaginează-ți că este prima ta săptămână în care locuiești singur. Care ar fi primul lucru care te-ar îngrijora? Pe cine ai putea ruga chiar de azi să te ajute cu asta?",
                            "guidance": "Folosește răspunsul ca să alegi din lista de verificare de mai jos un lucru la care să lucrezi luna aceasta.",
                        },
                    ),
                    (
                        "resource",
                        {
                            "title": "Lista mea de verificare pentru plecarea din sistem",
                            "description": "O listă de verificare cu ajutorul căreia tinerii pot vedea ce este pregătit și ce mai trebuie făcut înainte de a părăsi sistemul de protecție.",
                            "filename": "my-leaving-care-checklist.txt",
                            "text": (
                                "LISTA MEA DE VERIFICARE PENTRU PLECAREA DIN SISTEM\n"
                                "\n"
                                "Bifează ce ai făcut deja. Încercuiește lucrurile la care vrei ajutor. Ia lista cu tine la următoarea întâlnire despre planul tău.\n"
                                "\n"
                                "PLANUL MEU\n"
                                "[ ] Am văzut planul meu de plecare din sistem și am participat la scrierea lui.\n"
                                "[ ] Știu când va fi verificat din nou planul meu.\n"
                                "[ ] Știu data la care se așteaptă să plec și pot cere mai mult timp dacă nu sunt pregătit.\n"
                                "\n"
                                "DOCUMENTE\n"
                                "[ ] Carte de identitate\n"
                                "[ ] Certificat de naștere\n"
                                "[ ] Documente de asigurare de sănătate\n"
                                "[ ] Diplome și certificate de studii și de calificare\n"
                                "[ ] Acte privind beneficiile sau sprijinul la care am dreptul\n"
                                "[ ] Poze cu toate documentele mele în telefon\n"
                                "\n"
                                "UNDE VOI LOCUI\n"
                                "[ ] Știu unde voi locui după ce plec.\n"
                                "[ ] Am vizitat locul.\n"
                                "[ ] Știu ce se întâmplă dacă lucrurile nu merg.\n"
                                "\n"
                                "BANI\n"
                                "[ ] Știu câți bani voi avea în fiecare lună și de unde vin.\n"
                                "[ ] Mi-am făcut un buget lunar.\n"
                                "[ ] Am un cont bancar și știu să îl folosesc.\n"
                                "\n"
                                "LUCRURI PE CARE LE POT FACE DEJA SINGUR\n"
                                "[ ] Să cumpăr mâncare cu un buget limitat\n"
                                "[ ] Să gătesc mâncăruri simple\n"
                                "[ ] Să spăl rufele și să fac curat\n"
                                "[ ] Să plătesc o factură\n"
                                "[ ] Să îmi fac o programare la medic\n"
                                "[ ] Să merg la o instituție și să cer ce am nevoie\n"
                                "\n"
                                "OAMENI\n"
                                "[ ] Am numerele de telefon ale oamenilor pe care îi pot suna când am nevoie de ajutor.\n"
                                "[ ] Știu cine va fi persoana mea de contact după ce plec.\n"
                                "[ ] Cunosc alți tineri care au părăsit sistemul de protecție sau am un mentor.\n"
                                "\n"
                                "Lucrul la care vreau să lucrez luna aceasta:\n"
                                "__________________________________________________\n"
                            ),
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Împărțiți lista de verificare și lăsați participanții să o completeze individual. Cei care au părăsit deja sistemul pot marca ce și-ar fi dorit să știe înainte de plecare.",
                                "Apoi adunați, fără nume, punctele pe care cei mai mulți participanți nu le-au bifat încă. Acestea sunt temele care trebuie aduse în atenția profesioniștilor responsabili de plecarea din sistem; spuneți-le clar tinerilor ce se va întâmpla cu răspunsurile lor.",
                            ],
                            "suggested_minutes": 30,
                        },
                    ),
                ],
            },
            {
                "slug": "money-and-housing-basics",
                "title": "Noțiuni de bază despre bani și locuință",
                "intro": "Banii și locul în care vei locui sunt două dintre cele mai mari griji când pleci din sistemul de protecție, iar câteva noțiuni de bază fac o mare diferență.",
                "estimated_minutes": 35,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Două dintre cele mai mari griji ale tinerilor care părăsesc sistemul de protecție sunt banii și locul în care vor locui. Nu trebuie să știi totul înainte să pleci, dar noțiunile de bază te ajută foarte mult.",
                            "### Unde ai putea locui",
                            "Ce opțiuni există depinde de țara și de orașul tău. Printre ele pot fi:",
                            "- un apartament asistat sau protejat, unde locuiești mai independent, dar un profesionist te vizitează regulat;",
                            "- un centru de tranzit sau un apartament de exersare, unde înveți să trăiești pe cont propriu pentru o perioadă limitată;",
                            "- o locuință socială de la autoritățile locale;",
                            "- o cameră sau un apartament cu chirie, singur sau împreună cu prieteni;",
                            "- să locuiești cu familia, cu fosta familie de plasament sau cu rude, dacă acest lucru este sigur și dacă îți dorești asta.",
                            "În unele locuri poți primi sprijin și după 18 ani dacă ești la studii. În Sectorul 6 din București, de exemplu, tinerii care urmează o formă de învățământ pot fi sprijiniți până la vârsta de 26 de ani, prin parteneriate între DGASPC și ONG-uri. Întreabă-ți asistentul social ce există acolo unde locuiești și care sunt regulile.",
                            "### Înainte să semnezi un contract de închiriere",
                            "- Citește tot contractul și roagă pe cineva în care ai încredere să îl citească și el.",
                            "- Verifică cât este chiria, ce include și cât este garanția.",
                            "- Află cum se plătesc facturile la electricitate, apă, încălzire și internet.",
                            "- Fă poze locuinței în ziua în care te muți.",
                            "### Cum să îți ajungă banii",
                            "Bugetul este un plan pentru banii tăi. Notează tot ce intră în fiecare lună, de exemplu salariul, o bursă, o alocație sau alt sprijin, și tot ce iese, de exemplu chiria, facturile, mâncarea, transportul și telefonul. Plătește mai întâi lucrurile care trebuie neapărat plătite: chiria și facturile. Încearcă să pui deoparte în fiecare lună câte ceva pentru urgențe, chiar dacă e foarte puțin.",
                            "Ai grijă cu creditele rapide și cu cumpărăturile în rate. Par simple, dar datoria crește repede. Dacă cineva îți oferă un loc de muncă în străinătate sau o afacere care sună prea bine ca să fie adevărată, verifică oferta cu cineva în care ai încredere înainte să spui da.",
                        ],
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Întreabă la ce ai dreptul",
                            "message": "Burse, alocații, programe de locuire și programe de angajare pentru tinerii care părăsesc sistemul de protecție există în multe locuri, dar s-ar putea ca nimeni să nu îți spună de ele dacă nu întrebi. Roagă-ți asistentul social să parcurgă lista împreună cu tine.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Uită-te la fișa de buget. Ce cheltuieli te-au surprins? Care dintre ele ți-ar fi cel mai greu de plătit?",
                            "guidance": "Dacă nu știi un preț, află-l săptămâna aceasta: întreabă pe cineva, caută pe internet sau verifică într-un magazin.",
                        },
                    ),
                    (
                        "resource",
                        {
                            "title": "Bugetul meu lunar",
                            "description": "O fișă simplă cu care tinerii își pot planifica banii pentru o lună.",
                            "filename": "my-monthly-budget.txt",
                            "text": (
                                "BUGETUL MEU LUNAR\n"
                                "\n"
                                "Luna: ______________\n"
                                "\n"
                                "BANI CARE INTRĂ\n"
                                "Salariu: ____________\n"
                                "Bursă: ____________\n"
                                "Alocație sau alt beneficiu: ____________\n"
                                "Alt sprijin: ____________\n"
                                "TOTAL VENITURI: ____________\n"
                                "\n"
                                "BANI CARE IES\n"
                                "Plătesc mai întâi:\n"
                                "Chirie: ____________\n"
                                "Electricitate, apă, încălzire: ____________\n"
                                "Telefon și internet: ____________\n"
                                "\n"
                                "Apoi:\n"
                                "Mâncare: ____________\n"
                                "Transport: ____________\n"
                                "Produse de igienă și curățenie: ____________\n"
                                "Haine: ____________\n"
                                "Medicamente: ____________\n"
                                "Timp liber: ____________\n"
                                "Economii pentru urgențe: ____________\n"
                                "TOTAL CHELTUIELI: ____________\n"
                                "\n"
                                "TOTAL VENITURI minus TOTAL CHELTUIELI: ____________\n"
                                "\n"
                                "Dacă rezultatul este sub zero, ce pot schimba?\n"
                                "__________________________________________________\n"
                                "\n"
                                "Pe cine pot întreba pentru un sfat despre bani?\n"
                                "__________________________________________________\n"
                            ),
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Aduceți exemple locale reale: un anunț de închiriere, o factură de utilități fără date personale și prețul actual al unui abonament lunar de transport și al unui coș de cumpărături de bază. Exercițiile de buget fără prețuri reale se uită repede.",
                                "Unii tineri vor fi avut experiențe neplăcute cu banii sau cu datoriile. Folosiți exemple impersonale și oferiți o discuție individuală ulterioară cu persoana lor de referință.",
                            ],
                            "suggested_minutes": 30,
                        },
                    ),
                ],
            },
            {
                "slug": "who-can-help-you",
                "title": "Cine te poate ajuta",
                "intro": "Nimeni nu se descurcă de unul singur, iar tu poți construi o rețea de oameni care să fie alături de tine după ce pleci din sistemul de protecție.",
                "estimated_minutes": 30,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Tinerii care cresc în familie au de obicei pe cine să sune când ceva nu merge bine: părinți, bunici, mătuși și unchi, frați și surori mai mari, vecini. Tinerii care părăsesc sistemul de protecție de multe ori nu au această rețea și au spus cât de mult le lipsește. Vestea bună este că o astfel de rețea se poate construi și nu este niciodată prea târziu să începi.",
                            "### Oamenii din jurul tău acum",
                            "Fă o listă cu oamenii pe care te poți baza. Pe ea ar putea fi:",
                            "- asistentul tău social, managerul de caz sau persoana ta de referință;",
                            "- un îngrijitor, un educator sau un asistent maternal în care ai încredere;",
                            "- membri ai familiei tale, dacă este sigur să ții legătura cu ei;",
                            "- prieteni și alți tineri care au părăsit sistemul de protecție;",
                            "- un profesor, un antrenor, un angajator sau un vecin;",
                            "- un mentor, dacă serviciul tău oferă așa ceva.",
                            "### Colegi și mentori",
                            "Alți tineri care au părăsit sistemul știu cum te simți. În proiectul Leaving Care, platforma online YouthLinks a fost lansată în cinci țări, pentru ca tinerii să se poată sprijini între ei, să primească coaching și mentorat de la profesioniști din domeniul îngrijirii și de la voluntari care lucrează în companii și să găsească instrumente și contacte utile. Întreabă dacă există ceva asemănător aproape de tine. Un mentor nu este un asistent social: este cineva care îți acordă din timpul lui, te ascultă și te ajută să te gândești bine la lucruri.",
                            "### Servicii care te pot ajuta",
                            "În funcție de locul în care trăiești, ajutorul poate veni de la DGASPC sau de la serviciul public de asistență socială, de la agenția pentru ocuparea forței de muncă, de la organizații care derulează programe de locuire sau de angajare, de la serviciile de sănătate și de consiliere. Aceste servicii ar trebui să lucreze împreună pentru tine. Dacă ești trimis de la un birou la altul, întreabă cine este responsabil de cazul tău și roagă-i să vorbească între ei.",
                            "### Păstrează legătura",
                            "Înainte să pleci, schimbă numerele de telefon cu oamenii care contează pentru tine. Întreabă cum poți lua legătura cu serviciul după ce pleci și dacă poți veni în vizită. Să ceri ajutor este o abilitate, nu o slăbiciune. Toată lumea are nevoie de ajutor uneori, inclusiv adulții care nu au crescut în sistemul de protecție.",
                        ],
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Nu trebuie să te descurci singur",
                            "message": "Ai dreptul la sprijin după ce părăsești sistemul de protecție. Construiește-ți rețeaua înainte să pleci, păstrează numerele de telefon ale oamenilor care contează pentru tine și cere ajutor din timp, nu când e deja prea târziu.",
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": "Toți cei implicați în procesul de părăsire a sistemului de protecție ar trebui să lucreze în mod clar împreună, pentru a se asigura că tinerilor care părăsesc sistemul li se oferă sprijin de cea mai înaltă calitate posibilă, care să corespundă cel mai bine nevoilor, dorințelor și circumstanțelor lor individuale.",
                            "attribution": "Ghidul de practică „Pregătirea pentru părăsirea sistemului de protecție”",
                            "source": "",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Pe cine ai suna dacă ți-ai pierde locul de muncă? Dacă te-ai îmbolnăvi? Dacă te-ai simți foarte singur? Dacă există un gol, cine l-ar putea umple?",
                            "guidance": "Aceeași persoană poate apărea de mai multe ori. Dacă descoperi un gol, vorbește despre el cu asistentul social sau cu mentorul tău.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Desenați pe flipchart o hartă mare a rețelei de sprijin, cu un tânăr în centru și patru zone în jurul lui: familie, prieteni și colegi, profesioniști, comunitate. Rugați participanții să o deseneze pe a lor pe hârtie; nimeni nu este obligat să o arate.",
                                "Dacă în țara dumneavoastră este disponibilă platforma YouthLinks sau o altă platformă de sprijin între egali, prezentați-o în direct și ajutați participanții să se înregistreze în timpul sesiunii. Invitați un tânăr expert sau un tânăr mai mare care a părăsit sistemul de protecție să povestească cum și-a construit propria rețea.",
                            ],
                            "suggested_minutes": 25,
                        },
                    ),
                ],
            },
        ],
    },
]

CERTIFICATE_TEMPLATES = {
    "completion": {
        "name": "Certificat de curs: practica bazată pe drepturile copilului la ieșirea din sistemul de protecție",
        "title": "Certificat de absolvire",
        "body": "{name} a absolvit formarea „{course}” ({hours}), desfășurată {dates} în {country} și susținută de {trainer}.",
        "criteria": "A parcurs toate lecțiile cursului și a promovat testul final; într-o formare față în față, a participat și la cel puțin partea din sesiuni cerută de formare.",
        "signatories": [
            {"name": "Elena Marinescu", "role": "Coordonator de program"},
        ],
    },
    "youth": {
        "name": "Certificat pentru modulul pentru tineri",
        "title": "Certificat de participare",
        "body": "{name} a participat la modulul pentru tineri al formării „{course}”, {dates}, împreună cu {trainer}.",
        "criteria": "A participat la sesiunile modulului pentru tineri, conduse de un formator acreditat.",
        "signatories": [
            {"name": "Elena Marinescu", "role": "Coordonator de program"},
        ],
    },
    "accreditation": {
        "name": "Certificat de acreditare a formatorului",
        "title": "Acreditare de formator",
        "body": "{name} este acreditat(ă) ca {level} în abordarea bazată pe drepturile copilului pentru tinerii care părăsesc sistemul de protecție, până la {valid_until}.",
        "criteria": "A absolvit o formare de formatori: a participat la sesiunile ei, a parcurs cursul online, a promovat testul final și a fost acreditat(ă) de formatorul principal sau de un coordonator de program.",
        "signatories": [
            {"name": "Elena Marinescu", "role": "Coordonator de program"},
        ],
    },
}
