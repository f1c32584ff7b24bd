"""Demo course content in English, the source language.

Pure data: read by cms.demo.loader. Rich text paragraphs starting with "### "
are sub-headings and paragraphs starting with "- " are bullet points.
"""

from __future__ import annotations

HOME = {
    "title": "Leaving care: learning for a child-rights-based transition",
    "intro": [
        "This platform supports care professionals, trainers and young people in Central and Eastern Europe who want leaving alternative care to be a planned, supported and rights-based process rather than a sudden goodbye at 18.",
        "The course builds on what young people with care experience have told professionals: they want to start preparing <b>two to three years</b> before they leave, they want to be heard, and they want support from people who treat them with respect and recognise them as individuals.",
        "You can study online at your own pace, take part in face-to-face training in your country, or combine both. Trainers will find session guidance alongside the learning material, and one module is written directly for young people.",
    ],
}

COURSE = {
    "slug": "child-rights-leaving-care",
    "title": "Child-rights-based practice with young people leaving care",
    "summary": "A course for care professionals, trainers and young people on applying a child-rights-based approach when young people prepare to leave alternative care and start an independent life.",
    "description": [
        "Young people who grow up in residential care, family-type care or foster care usually leave at a fixed age, often at 18, and are expected to manage alone far sooner than their peers who grow up with their families. Many of them lack the support network that families provide, and the lack of national leaving care frameworks contributes significantly to poor outcomes for care leavers.",
        "This course was developed from the Leaving Care project (April 2018 – April 2020), which SOS Children's Villages carried out with its national associations in Bulgaria, Estonia, Hungary, Italy and Romania and with FICE Austria and FONPC, with co-financing from the Rights, Equality and Citizenship Programme of the European Union. The project trained 66 master trainers, who delivered national training, including a youth module, to about 378 care professionals in six countries.",
        "The course has six modules. The first four are for care professionals: children's rights and the leaving-care process, participation, preparing early, and building support networks. The fifth module is written for young people aged about 15 to 21. The sixth module is for trainers who run the national training in their country.",
        "Every lesson combines short reading, quotes from young people and practice guidance, key messages and questions for reflection. Facilitation notes for running each part face to face are shown only to trainers.",
    ],
}

MODULES = [
    # ------------------------------------------------------------------
    # Module 1
    # ------------------------------------------------------------------
    {
        "slug": "childrens-rights-and-leaving-care",
        "title": "Children's rights and the leaving-care process",
        "summary": "Why leaving care is a children's rights issue, what a child-rights-based approach means in everyday practice, and why outcomes for care leavers are still too often poor.",
        "audience": "professionals",
        "delivery_mode": "blended",
        "duration_minutes": 115,
        "objectives": [
            "Explain how the UN Convention on the Rights of the Child and the UN Guidelines for the Alternative Care of Children apply to young people leaving care.",
            "Describe the principles of a child-rights-based approach and recognise them in everyday practice.",
            "Summarise the main reasons why outcomes for care leavers are often poor, including the lack of national leaving care frameworks.",
            "Identify at least one change in your own practice that would make leaving care more rights-based.",
        ],
        "lessons": [
            {
                "slug": "rights-before-during-and-after-care",
                "title": "Children's rights before, during and after care",
                "intro": "Leaving care is not only an administrative step: it is a moment when a young person's rights are either made real or quietly lost.",
                "estimated_minutes": 35,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Most young people in Europe leave their family home gradually, often well into their twenties, and they can come back when things go wrong. Young people in alternative care usually have a very different experience. They leave a residential home, a family-type home or a foster family at a fixed age, often 18, and are expected to manage on their own almost overnight.",
                            "This course is about changing that experience. It starts from a simple idea: a young person leaving care is a <b>rights-holder</b>, and the professionals, services and authorities around them are <b>duty-bearers</b>.",
                            "### The UN Convention on the Rights of the Child",
                            "The UN Convention on the Rights of the Child (UNCRC) was adopted in 1989 and has been ratified by all the countries where this course is used. Romania, for example, ratified it in 1990 and committed itself to promoting the rights of the child, which opened a long reform of its child protection system. The Convention applies to every child, including every child in alternative care. Several of its principles matter directly for leaving care:",
                            "- <b>Best interests (article 3):</b> the best interests of the child are a primary consideration in all decisions, including when and how a young person leaves care.",
                            "- <b>The right to be heard (article 12):</b> a child who is capable of forming their own views has the right to express them freely in all matters affecting them, and those views are given due weight according to age and maturity.",
                            "- <b>Support for families (articles 18 and 27):</b> states support parents and families so that children can grow up in a family environment whenever possible.",
                            "- <b>Preparation for life in society (preamble):</b> the child should be fully prepared to live an individual life in society.",
                            "### The UN Guidelines for the Alternative Care of Children",
                            "The UN Guidelines for the Alternative Care of Children (2009) explain how the Convention applies to children who cannot live with their parents. They ask states to prevent unnecessary placement in care, to choose the most suitable form of care for each child, and to prepare young people for leaving care and support them afterwards. Preparation should begin as early as possible, and the young person should take part in planning it.",
                            "### A process, not an event",
                            "In many systems leaving care is still treated as an administrative event: a date in a file, the day a protection measure ends. A child-rights-based approach sees it as a process that starts years before the young person moves out and continues well after. Care leavers describe it in exactly this way. They want time to try things out, to see whether they are ready, and to have someone on their side if they are not.",
                            "In this course, <i>young people leaving care</i> means young people who are preparing to leave, or have recently left, residential care, family-type care or foster care. <i>Care professionals</i> means social workers, educators and carers in residential and family-type services, foster carers, case managers, psychologists, and staff of child protection authorities and NGOs.",
                        ],
                    ),
                    (
                        "quote",
                        {
                            "text": "First of all, gaining independence should be treated as a process where you could see how things are going. And whether that person is ready. And if she or he isn't ready, they should at least have someone on their side, so that they don't just automatically stumble and fall.",
                            "attribution": "Care leaver",
                            "source": "Prepare for Leaving Care Practice Guidance",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Rights do not end at 18",
                            "message": "A young person leaving care keeps all of their rights. Our duty as professionals is to make those rights real in practice: being heard, being prepared in good time, and having someone on their side.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Think of a young person you worked with who left care recently. Was their leaving treated as an event or as a process? What would have needed to be different for it to feel like a process to them?",
                            "guidance": "Write down two or three concrete moments: when the young person first heard about leaving, who talked to them about it, and what happened in the first month after they left.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Open by asking participants to remember their own move out of their family home: how old they were, who helped them, and whether they could go back. Collect a few answers on a flipchart and contrast them with the fixed leaving age that most care leavers face.",
                                "Keep the legal part short. Give each small group one of the four principles and ask them to find one example from their own service where it is respected and one where it is not. Take one example from each group in plenary.",
                            ],
                            "suggested_minutes": 30,
                        },
                    ),
                ],
            },
            {
                "slug": "a-child-rights-based-approach",
                "title": "What a child-rights-based approach means in practice",
                "intro": "A child-rights-based approach is not an extra programme but a way of working that shapes every decision and every daily contact with a young person.",
                "estimated_minutes": 40,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "The main objective of the Leaving Care project was to embed a child-rights-based culture into child protection systems in order to achieve better outcomes for care leavers. The word <i>culture</i> matters. Good outcomes should not depend on the goodwill of one dedicated social worker or educator, but on how services are organised, how decisions are made and how young people are treated every day.",
                            "### Rights-holders and duty-bearers",
                            "In a rights-based approach the young person is a rights-holder, not a passive recipient of services or simply a case. Professionals, services and the state are duty-bearers: they have obligations to respect, protect and fulfil the young person's rights. This changes the question we ask. Instead of “What does our service offer?” we ask “What is this young person entitled to, and what do they need in order to claim it?”",
                            "### Principles that guide practice",
                            "The following principles come from child-rights-based work with children and families in Central and Eastern Europe. They apply directly to preparing young people for leaving care:",
                            "- <b>Child-centred:</b> a clear focus on the wishes, feelings, protection and well-being of the young person.",
                            "- <b>Participatory:</b> young people are recognised as experts in their own lives, and their views are heard and taken seriously.",
                            "- <b>Appropriate and tailored:</b> support responds to the individual needs of each young person rather than offering one standard package.",
                            "- <b>Responsive and flexible:</b> support adapts to changing needs, to timing and to circumstances.",
                            "- <b>Strength-based:</b> we build on what the young person can already do and on the resources around them, rather than focusing on problems or deficits.",
                            "- <b>Respectful:</b> professionals and young people work together in relationships based on equality, respect and trust.",
                            "- <b>Socially inclusive:</b> we actively address discrimination based on ethnicity, disability or social background.",
                            "- <b>Network-focused:</b> we strengthen informal support networks as well as access to formal services.",
                            "### What care leavers asked for",
                            "The Prepare for Leaving Care project (2017–2018) listened to young people with care experience in several European countries. They said they want to be supported by care professionals who approach them in a respectful manner. They want flexibility, respect and recognition of their individuality, and tailor-made responses that meet their individual needs. These are not extras: they are what a rights-based approach looks like from the young person's side.",
                            "In daily practice this can be as simple as knocking before entering a room, explaining a decision before it is taken, or asking a young person how they would like a meeting to run. It also means being honest about what cannot be changed, and why.",
                        ],
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Flexibility and respect",
                            "message": "Care leavers want professionals who approach them with respect, recognise them as individuals and offer flexible, tailor-made responses instead of one standard path for everyone.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Choose one routine in your service, for example how pocket money is given, how rooms are allocated or how care plans are reviewed. Is the young person treated as a rights-holder in this routine? What small change would make it more rights-based?",
                            "guidance": "Look at who decides, who is informed and who is asked. A change does not need a new budget to count.",
                        },
                    ),
                    (
                        "resource",
                        {
                            "title": "Child-rights-based practice: a self-check for care professionals",
                            "description": "Twelve statements to rate your own practice or your team's practice against the principles of a child-rights-based approach.",
                            "filename": "child-rights-self-check.txt",
                            "text": (
                                "CHILD-RIGHTS-BASED PRACTICE: A SELF-CHECK FOR CARE PROFESSIONALS\n"
                                "\n"
                                "Rate each statement: 1 = rarely, 2 = sometimes, 3 = usually, 4 = always.\n"
                                "Then mark the two statements you most want to improve.\n"
                                "\n"
                                "Being heard\n"
                                "[ ] 1. Young people are asked for their views before decisions about their lives are taken.\n"
                                "[ ] 2. When we decide against a young person's wish, we explain why.\n"
                                "[ ] 3. Young people take part in their own care planning and review meetings.\n"
                                "\n"
                                "Information\n"
                                "[ ] 4. Young people know what is written in their plan and can ask for changes.\n"
                                "[ ] 5. Information about leaving care is given in a way that suits the young person's age and abilities.\n"
                                "\n"
                                "Preparation\n"
                                "[ ] 6. Preparation for leaving care starts two to three years before the young person leaves.\n"
                                "[ ] 7. Young people can practise independent living step by step and make mistakes safely.\n"
                                "\n"
                                "Respect and flexibility\n"
                                "[ ] 8. Staff approach young people respectfully, including when there is conflict.\n"
                                "[ ] 9. Support is adapted to each young person rather than following one standard path.\n"
                                "[ ] 10. Nobody is treated differently because of ethnicity, disability or background.\n"
                                "\n"
                                "Networks\n"
                                "[ ] 11. We help young people keep and build relationships with people who matter to them.\n"
                                "[ ] 12. Young people know who they can contact after they leave, and how.\n"
                                "\n"
                                "My two priorities for improvement:\n"
                                "1. ______________________________________________\n"
                                "2. ______________________________________________\n"
                                "\n"
                                "One step I will take in the next month:\n"
                                "__________________________________________________\n"
                            ),
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Use the self-check as a pair exercise: participants from different services rate each statement on their own and then compare. It is not a test, so do not collect the scores; the aim is to notice patterns and differences.",
                                "If managers are present, ask which statements depend on individual staff and which depend on rules, procedures and resources. This leads into the next lesson on why outcomes are poor and why national frameworks matter.",
                            ],
                            "suggested_minutes": 25,
                        },
                    ),
                ],
            },
            {
                "slug": "why-outcomes-are-poor",
                "title": "Why outcomes for care leavers are often poor",
                "intro": "Poor outcomes for care leavers are not a consequence of who they are but of what happens to them before, during and after care.",
                "estimated_minutes": 40,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Research shows that young people with care experience are one of the most vulnerable groups in society. Many of them face stigma and discrimination, instability, fear and loneliness. Compared with their peers, they are more likely to experience:",
                            "- worse mental health and physical well-being, and higher rates of early death;",
                            "- poorer educational qualifications;",
                            "- higher levels of unemployment;",
                            "- financial and material poverty;",
                            "- homelessness;",
                            "- higher rates of teenage pregnancy;",
                            "- an increased likelihood of involvement in, or exposure to, criminal activity.",
                            "### Who is in care",
                            "Most children in alternative care in the region have one or two living parents, and in many cases placement could have been avoided if the family had received the right support. Poverty and other social stress factors remain a major reason for placement. Discrimination plays a part too. A 2020 European Commission study found that in Hungary, Bulgaria and Romania about 60% of children in institutions are of Roma origin, while Roma represent about 10% of the total population. Children with disabilities are also over-represented: at the end of 2014, 30% of children in alternative care in Romania were children with disabilities. Many care leavers therefore face disadvantage twice: as care leavers, and because of their ethnicity or disability.",
                            "### What the Prepare for Leaving Care project found",
                            "The Prepare for Leaving Care project (2017–2018) produced five findings that shape this whole course:",
                            "- Young people want to start preparing for the transition to independence two to three years before actually leaving alternative care.",
                            "- Care leavers lack the support network that children growing up with their families have.",
                            "- Care leavers want to be supported by care professionals who approach them in a respectful manner.",
                            "- Care leavers want flexibility, respect and recognition of their individuality, as well as tailor-made responses that meet their individual needs.",
                            "- The lack of national leaving care frameworks contributes significantly to poor outcomes for care leavers.",
                            "### The missing framework",
                            "The last finding is easy to overlook. Where there is no national leaving care framework, support depends on where a young person happens to live and which professional happens to be responsible. There may be no clear right to stay in a placement after 18, no agreed age at which preparation begins, nobody accountable for follow-up, and no data on what happens to care leavers afterwards. Local good practice, such as the integration pathways of the child protection directorate (DGASPC) of Bucharest's District 6 described in module 4, shows what is possible, but it cannot replace a framework that applies to every young person.",
                            "This is why the Leaving Care project combined training with national policy recommendations, so that child rights, with a particular focus on leaving care, become part of the training of all caregivers and other professionals working in alternative care.",
                        ],
                    ),
                    (
                        "quote",
                        {
                            "text": "Everyone involved in the care leaving process should clearly be working together to ensure that care leavers are offered the highest quality support possible that best suits their individual needs, wishes and circumstances.",
                            "attribution": "Prepare for Leaving Care Practice Guidance",
                            "source": "",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Preparation starts early",
                            "message": "Young people want to start preparing for independence two to three years before they leave alternative care. Preparation that begins a few weeks before the eighteenth birthday comes too late.",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "No one should leave care alone",
                            "message": "Care leavers lack the support network that families give. Building that network with them, and working together across services, is part of our job, not an optional extra.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Which of the five findings describes the biggest gap in your country or your service today? What could change at local level, and what needs a decision at national level?",
                            "guidance": "Separate what you can influence yourself from what needs a decision by a manager, an authority or a law. Keep your notes: you will come back to them in module 4.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Show the list of outcomes without comment, then ask: “Which of these have you seen in young people you know?” Allow time. This can be emotional for staff who have lost contact with young people or know of bad outcomes.",
                                "Handle the figures on Roma children and children with disabilities with care. Present them as evidence of how the system treats certain groups, not as characteristics of those groups. If the discussion drifts into stereotypes, bring it back to the question of what services do and could do differently.",
                                "Finish with a quick vote: each participant places a sticker next to the finding they see as the biggest gap locally. Keep the flipchart for module 4.",
                            ],
                            "suggested_minutes": 35,
                        },
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Module 2
    # ------------------------------------------------------------------
    {
        "slug": "participation-listening-to-young-people",
        "title": "Participation: listening to young people",
        "summary": "The right to be heard under article 12 of the UN Convention on the Rights of the Child, what Young Expert Groups taught the Leaving Care project, and how to make participation real in care planning.",
        "audience": "professionals",
        "delivery_mode": "blended",
        "duration_minutes": 115,
        "objectives": [
            "Explain what article 12 of the UN Convention on the Rights of the Child requires of care professionals.",
            "Distinguish meaningful participation from consultation that is only a formality.",
            "Describe how Young Expert Groups brought the voices of young people with care experience into the Leaving Care project.",
            "Prepare and run a planning meeting in which the young person can take a real part.",
        ],
        "lessons": [
            {
                "slug": "article-12-the-right-to-be-heard",
                "title": "Article 12: the right to be heard",
                "intro": "Article 12 gives every child who can form a view the right to express it and to have it taken seriously, and leaving care is one of the matters that affects young people most.",
                "estimated_minutes": 35,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Of all the rights in the UN Convention on the Rights of the Child, the right to be heard is perhaps the one that changes daily practice most. It applies to every matter affecting the child, and few matters affect a young person more than where they will live, what they will do and who will support them when they leave care.",
                            "Article 12 does not say that the child decides everything. It says that the child's views must be heard and given due weight in accordance with their age and maturity. For a 16- or 17-year-old preparing to leave care, due weight is considerable: these are young people who will soon be expected to make every decision alone.",
                            "### Experts in their own lives",
                            "A child-rights-based approach recognises children and young people as experts in their own lives. Professionals know the system, the services and the law; young people know what it is like to live in care, what frightens them about leaving and what has helped them before. Good decisions need both kinds of knowledge.",
                            "### What meaningful participation means",
                            "Meaningful participation of children and young people means that:",
                            "- their individual views and wishes are carefully listened to and fully taken into account when decisions are made about their lives;",
                            "- they can make informed decisions because they receive information that suits their age and abilities and clearly explains all the options available to them;",
                            "- participation is not a one-off event but an ongoing process;",
                            "- they have the opportunity to influence wider policies and practices that affect them and their peers.",
                            "Specific action is needed so that vulnerable, marginalised or disadvantaged young people can participate too: young people with disabilities, young people from ethnic minorities, and asylum-seeking and refugee young people often have fewer opportunities to be heard than others.",
                            "### Common obstacles",
                            "In practice, participation often fails for ordinary reasons. Meetings are held during school hours or in offices where young people feel out of place. Documents are written in professional language. Decisions have already been taken before the young person is asked. Or a young person is asked once, at the start, and never again. Each of these can be changed at the level of a team or a service.",
                        ],
                    ),
                    (
                        "quote",
                        {
                            "text": "Assure to the child who is capable of forming his or her own views the right to express those views freely in all matters affecting the child, the views of the child being given due weight in accordance with the age and maturity of the child.",
                            "attribution": "Article 12",
                            "source": "UN Convention on the Rights of the Child",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Participation is a right, not a favour",
                            "message": "Under article 12 of the UN Convention on the Rights of the Child, young people have the right to express their views freely in all matters affecting them, and those views must be given due weight. Leaving care is one of those matters.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "In the last decision your team took about a young person's future, at what point was the young person asked for their view? Could their answer still have changed the decision?",
                            "guidance": "If the honest answer is “after the decision was made”, think about what would need to change to ask them earlier.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Read the text of article 12 aloud and ask participants to underline the words that create obligations for professionals: “assure”, “freely”, “all matters”, “due weight”.",
                                "Then use a quick continuum exercise: name a decision (choosing a school, a change of placement, the leaving date, pocket money) and ask participants to stand on a line from “the young person is informed” to “the young person decides”. Discuss where they think the young person should stand and why.",
                            ],
                            "suggested_minutes": 25,
                        },
                    ),
                ],
            },
            {
                "slug": "young-expert-groups",
                "title": "Young Expert Groups: young people as experts",
                "intro": "In the Leaving Care project, young people with care experience were not only consulted but took part in steering the project through national and international Young Expert Groups.",
                "estimated_minutes": 35,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Youth participation was central to every activity of the Leaving Care project. In each implementing country, a national Young Expert Group (YEG) was organised so that the voices of young people with care experience were heard throughout the project, not only at the beginning.",
                            "### How the groups worked",
                            "- Each national YEG brought together young people with care experience who met regularly and gave their views on the project's tools, training and recommendations.",
                            "- The young people selected two peers from each national YEG to represent them in the International YEG and in the Project Steering Group, where decisions about the whole project were made.",
                            "- Young people took part in the scoping exercise at the start of the project, including peer-to-peer interviews about how leaving care works in each country.",
                            "- At the end of the project, YEG members assessed their own involvement and the extent to which their input was reflected in the key tools and project outputs.",
                            "### What made it work",
                            "For most of the young people, the project was an experience of empowerment. Several conditions made this possible. The young people chose their own representatives. They sat in the bodies where decisions were actually taken, not only in a separate youth corner. They could see how their input changed the materials. And they were asked, at the end, to judge for themselves whether their participation had been real.",
                            "### Lessons for your own service",
                            "You do not need an international project to learn from this. A residential service, a foster care team or a local authority can create its own group of young people and care leavers who advise on how preparation for leaving care is organised. Some practical points:",
                            "- Agree with the young people what the group is for and what it can and cannot influence.",
                            "- Hold meetings at times and places that suit young people, and cover their travel costs.",
                            "- Give feedback after every meeting on what has happened with their suggestions.",
                            "- Avoid tokenism: one young person invited to speak at the opening of a conference is not participation.",
                            "- Protect young people's privacy. They are experts because of their experience, but they decide how much of their own story to share.",
                        ],
                    ),
                    (
                        "quote",
                        {
                            "text": "As a young person involved in the project I always felt that my views mattered and that the people in front of me were open and interested in what I had to say.",
                            "attribution": "Young person, Hungary",
                            "source": "Leaving Care project interview",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Where decisions are made",
                            "message": "Participation is real when young people sit where decisions are taken, choose their own representatives and can see what has changed because of what they said.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "The young person from Hungary felt that “the people in front of me were open and interested in what I had to say”. What do you do, or could you do, that gives young people that feeling?",
                            "guidance": "Think about body language, timing, the room, who else is present and what happens after the conversation.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "If a member of a Young Expert Group is co-facilitating, invite them to present this lesson themselves and to say what participation felt like from their side. Agree in advance what they are willing to share.",
                                "Small-group task: each group designs a youth advisory group for a real service they know, deciding who takes part, how often it meets, what it can influence and how feedback is given. Groups present in three minutes each.",
                            ],
                            "suggested_minutes": 30,
                        },
                    ),
                ],
            },
            {
                "slug": "participation-in-care-planning",
                "title": "Being heard in care planning and everyday practice",
                "intro": "Participation becomes real or remains a slogan in ordinary planning meetings, case reviews and daily conversations.",
                "estimated_minutes": 45,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Most decisions about leaving care are made in care planning and review meetings. These meetings can be the best opportunity for a young person to be heard, or a formal occasion in which adults talk about them in their presence.",
                            "### Before the meeting",
                            "Meet the young person beforehand and explain what the meeting is for, who will be there and what will be decided. Ask what they want to talk about and what they do not want discussed in front of others. Help them prepare, for example by writing down their questions or wishes. Ask whether they want someone they trust to come with them.",
                            "### During the meeting",
                            "Arrange the room so that the young person is not facing a row of professionals. Start with the young person's own view, not with reports about them. Avoid abbreviations and professional jargon, or explain them. When different options are discussed, make sure the young person understands each one and its consequences. If a decision goes against their wish, explain why, and record their view alongside the decision.",
                            "### After the meeting",
                            "Check with the young person how they experienced the meeting and whether they understood what was agreed. Give them the written plan in a form they can read. Make sure they know how to ask for a review if something changes.",
                            "### Participation every day",
                            "Participation is not limited to formal meetings. Young people learn to make decisions by making them: choosing how to spend a budget for clothes, planning meals, deciding how to furnish a room, setting their own study timetable. Each of these is preparation for leaving care as well as an exercise of the right to be heard.",
                            "In Bucharest's District 6, young people leaving the care system are consulted about the type of support they need to integrate into society and live independently, and about their ideas for their career. Professionals there note that many care leavers do not want to continue their studies and believe they could have a better life outside Romania. Listening does not mean agreeing with every plan, but it does mean starting from where the young person is.",
                        ],
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Ask first, not last",
                            "message": "Start every planning meeting with the young person's own view, explain every option in plain language, and record their view next to the decision, especially when the decision goes against it.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Use the checklist below to look back at the last planning meeting you attended. Which three items were missing, and which one could you change next time?",
                            "guidance": "Be honest: the aim is to find one realistic change, not to judge yourself or your colleagues.",
                        },
                    ),
                    (
                        "resource",
                        {
                            "title": "Participation checklist for planning meetings",
                            "description": "A one-page checklist for professionals to prepare, run and follow up a care planning or leaving care meeting with the young person at the centre.",
                            "filename": "participation-checklist-planning-meetings.txt",
                            "text": (
                                "PARTICIPATION CHECKLIST FOR PLANNING MEETINGS\n"
                                "\n"
                                "BEFORE THE MEETING\n"
                                "[ ] I met the young person at least a few days before the meeting.\n"
                                "[ ] I explained the purpose of the meeting, who will attend and what will be decided.\n"
                                "[ ] I asked what they want to talk about and what they do not want discussed in front of others.\n"
                                "[ ] I offered help to prepare questions or wishes in writing.\n"
                                "[ ] I asked whether they want a trusted person to come with them.\n"
                                "[ ] The time and place suit the young person (not during school or work if possible).\n"
                                "\n"
                                "DURING THE MEETING\n"
                                "[ ] The young person spoke first about their own view.\n"
                                "[ ] Professional terms and abbreviations were avoided or explained.\n"
                                "[ ] Every option and its consequences were explained.\n"
                                "[ ] The young person was asked whether they understood and agreed.\n"
                                "[ ] Where a decision went against their wish, the reasons were explained.\n"
                                "[ ] The young person's view was recorded in their own words.\n"
                                "\n"
                                "AFTER THE MEETING\n"
                                "[ ] I asked the young person how they experienced the meeting.\n"
                                "[ ] They received the plan in a form they can read and keep.\n"
                                "[ ] They know who is responsible for each action and by when.\n"
                                "[ ] They know how to ask for a review if something changes.\n"
                                "\n"
                                "Notes:\n"
                                "__________________________________________________\n"
                            ),
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Role-play a planning meeting twice in groups of five: a young person, a social worker, a carer, a manager and an observer. In the first round, run the meeting in the usual way. In the second, use the checklist. The observer notes what changed.",
                                "Debrief with the person who played the young person first. Ask how it felt to be discussed, and what made the difference in the second round. Make sure everyone steps out of role before the general discussion.",
                            ],
                            "suggested_minutes": 40,
                        },
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Module 3
    # ------------------------------------------------------------------
    {
        "slug": "preparing-early",
        "title": "Preparing early: starting two to three years before leaving care",
        "summary": "Why preparation for leaving care should start two to three years before the young person leaves, how to build independence gradually, and how to plan tailor-made preparation with each young person.",
        "audience": "professionals",
        "delivery_mode": "blended",
        "duration_minutes": 120,
        "objectives": [
            "Explain why young people want preparation for leaving care to start two to three years before they leave.",
            "Plan gradual steps towards independence that allow young people to practise and make mistakes safely.",
            "Assess readiness for leaving care together with the young person rather than by age alone.",
            "Draw up a tailor-made preparation plan that responds to the individual needs of a young person.",
        ],
        "lessons": [
            {
                "slug": "a-process-not-an-event",
                "title": "Gaining independence as a process",
                "intro": "Young people with care experience say clearly that independence should be treated as a process in which they can see how things are going and whether they are ready.",
                "estimated_minutes": 35,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "When young people who had left care were asked what would have helped them most, one answer came back again and again: more time. In the Prepare for Leaving Care project, young people said they want to start preparing for the transition to independence two to three years before actually leaving alternative care.",
                            "### Why two to three years?",
                            "Young people growing up with their families learn to live independently over many years, through small responsibilities that grow with age, and they usually have a safety net when they make mistakes. Young people in care often have fewer chances to practise. In many services, meals are cooked, bills are paid and decisions are made by adults until the day the young person leaves. Then everything changes at once.",
                            "Starting two to three years before the planned leaving date gives time to:",
                            "- learn and practise practical skills, from cooking and budgeting to dealing with offices;",
                            "- complete or plan education and training without the pressure of an imminent move;",
                            "- explore housing and work options and visit them;",
                            "- build or rebuild relationships with family, friends, mentors and peers;",
                            "- deal with emotional questions about the past and the future;",
                            "- try living more independently while support is still close.",
                            "### Readiness, not only age",
                            "A leaving date set only by age tells us nothing about whether a young person is ready. Readiness has several dimensions: practical skills, emotional resilience, a safe place to live, an income or a realistic plan for one, and people to turn to. A young person can be ready in some areas and not in others. A child-rights-based approach asks professionals to assess readiness together with the young person, openly, and to adapt the plan when they are not yet ready, rather than pretending that turning 18 makes someone an adult overnight.",
                            "### Someone on their side",
                            "The care leaver quoted below does not ask for young people never to fail. They ask that, if a young person is not ready, they at least have someone on their side. Preparation includes making sure that person exists and that the young person knows how to reach them.",
                        ],
                    ),
                    (
                        "quote",
                        {
                            "text": "First of all, gaining independence should be treated as a process where you could see how things are going. And whether that person is ready. And if she or he isn't ready, they should at least have someone on their side, so that they don't just automatically stumble and fall.",
                            "attribution": "Care leaver",
                            "source": "Prepare for Leaving Care Practice Guidance",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Two to three years before leaving",
                            "message": "Start preparing with young people two to three years before they leave alternative care, and assess their readiness with them rather than by age alone.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "At what age does preparation for leaving care actually start in your service? What happens, concretely, in the last two years before a young person leaves?",
                            "guidance": "List what a young person does for themselves at 15, 16 and 17 in your service. Compare it with what they will have to do alone at 18.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Draw a timeline on the wall from age 14 to age 21. Ask participants to place sticky notes showing when, in their service, young people first do certain things on their own: shopping, cooking, managing money, visiting an office, paying a bill, looking for a flat.",
                                "Then read the care leaver quote and ask: where on this timeline can young people stumble safely, and where would a fall be serious? Use the gaps on the timeline to introduce the next lesson.",
                            ],
                            "suggested_minutes": 30,
                        },
                    ),
                ],
            },
            {
                "slug": "life-skills-and-gradual-independence",
                "title": "Life skills and gradual independence",
                "intro": "Young people learn to live independently by practising, step by step, while support is still close enough to help when things go wrong.",
                "estimated_minutes": 40,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Many young people in and from residential and foster care are not sufficiently prepared for life in society when they reach 18. Life skills are therefore a core part of preparation for leaving care. They are best learnt by doing, in real situations, with increasing responsibility.",
                            "### Areas of life skills",
                            "- <b>Money:</b> budgeting, saving, paying bills, understanding contracts and avoiding debt.",
                            "- <b>Home:</b> shopping, cooking, cleaning, basic repairs, living with neighbours.",
                            "- <b>Health:</b> registering with a doctor, using health insurance, looking after mental health, sexual and reproductive health.",
                            "- <b>Documents and offices:</b> identity documents, applications for benefits and services, dealing with authorities.",
                            "- <b>Education and work:</b> choosing a course, applying for a job, writing a CV, behaving at an interview, rights at work.",
                            "- <b>Relationships:</b> friendships, intimate relationships, contact with family, recognising exploitation and abuse.",
                            "- <b>Emotional well-being:</b> coping with stress, loneliness and setbacks, and knowing when and how to ask for help.",
                            "### Step by step",
                            "Gradual independence means increasing responsibility in small steps. A young person might first manage a weekly food budget, then their clothing allowance for a season, then a monthly budget including phone and transport. In some services young people can move to a training flat or a semi-independent apartment while still in care. Each step should be agreed with the young person, reviewed together and adapted. Mistakes are part of learning: a young person who runs out of money in week three of a training budget has learnt something that is much more costly to learn alone at 19.",
                            "### Learning together with others",
                            "Life skills can also be learnt in groups and in the community. In Belarus, the All Children Included project trained a group of 20 trainers, who in turn trained 400 adolescents in life skills. Young people, staff and community members also designed and ran small mini-projects together, which strengthened the bonds between young people in care, their caregivers and the communities they live in. Such group activities give young people practice in planning, negotiating and taking responsibility, and connect them with people outside the care system.",
                            "### The role of the carer",
                            "The hardest part for many carers is to step back. Doing things for young people is faster and feels caring, but it does not prepare them. A useful rule is: do it for them, then do it with them, then let them do it while you watch, then let them do it alone.",
                        ],
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Practise while the safety net is there",
                            "message": "Young people need real responsibility, in small and growing steps, while support is still close. Doing things for them is quicker; doing things with them prepares them.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Choose one life-skills area from the list. Describe the steps a young person in your service could take over the next two years, from full support to full independence, in that area.",
                            "guidance": "Make each step concrete, with an approximate age or date, and say how you would know the young person is ready for the next one.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Divide participants into groups, one per life-skills area. Each group writes a four-step ladder from “we do it for you” to “you do it alone” with concrete activities for each step.",
                                "Ask groups to identify one rule or practice in their service that prevents young people from practising this skill (for example, young people not being allowed in the kitchen, or all money being handled by staff). Collect these: they are often the most useful outcome of the session.",
                            ],
                            "suggested_minutes": 35,
                        },
                    ),
                ],
            },
            {
                "slug": "tailor-made-preparation-plans",
                "title": "Tailor-made preparation plans",
                "intro": "Care leavers ask for flexibility, respect for their individuality and responses tailored to their needs, and a good preparation plan is where these become concrete.",
                "estimated_minutes": 45,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "No two young people leave care in the same way. One wants to go to university, another wants to work as soon as possible, a third hopes to return to their family. Some young people have disabilities or health needs, some are parents themselves, some have experienced trauma that makes trust difficult. A single standard programme cannot meet all these needs. Care leavers asked for flexibility, respect and recognition of their individuality, as well as tailor-made responses that meet their individual needs.",
                            "### What a preparation plan should contain",
                            "A preparation plan is written with the young person, in language they understand, and owned by them. It should cover:",
                            "- the young person's own goals and wishes for the future;",
                            "- housing: where they will live after leaving care and what the fallback is;",
                            "- education, training and employment;",
                            "- income and money management;",
                            "- health and emotional well-being;",
                            "- relationships and support network, including family contact where appropriate;",
                            "- life skills still to be learnt, with steps and dates;",
                            "- who is responsible for each action, and when the plan will be reviewed.",
                            "### Reviewing and adapting",
                            "Plans only work if they are reviewed regularly and changed when circumstances change. Family strengthening services in Estonia, for example, review each family's action plan at least once every six months, together with the family, the support worker and the local government representative. A similar rhythm, or more often as the leaving date approaches, suits preparation plans for young people leaving care.",
                            "### Young people with additional needs",
                            "Young people with disabilities often need longer preparation and continued support after 18. In Bucharest's District 6, eight of the 22 young people in residential care have a disability, and three programmes specifically for young people with disabilities include sheltered accommodation. A tailored plan starts from what the young person can do and wants, and arranges the support needed to make it possible, rather than assuming that independent living is out of reach.",
                            "### Flexibility in practice",
                            "Flexibility means the plan bends to the young person, not the other way round. It can mean delaying a move because a young person is in the middle of exams, allowing a young person to return after a failed first attempt at living alone, or changing a key worker when the relationship is not working. Where the rules do not allow such flexibility, professionals can record the need and raise it with their managers: this is how evidence for a national framework is built.",
                        ],
                    ),
                    (
                        "key_message",
                        {
                            "heading": "One plan per young person",
                            "message": "Preparation plans are written with each young person, respond to their individual needs and wishes, and are reviewed and changed as their life changes.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Think of two young people in your service who will leave care in the next three years. How should their preparation plans differ? What in your current procedures makes it hard to tailor them?",
                            "guidance": "Use the preparation timeline below to compare what each young person needs and when.",
                        },
                    ),
                    (
                        "resource",
                        {
                            "title": "Preparation timeline: the three years before leaving care",
                            "description": "A timeline to plan preparation for leaving care with a young person, from three years before the leaving date to the first months after.",
                            "filename": "preparation-timeline.txt",
                            "text": (
                                "PREPARATION TIMELINE: THE THREE YEARS BEFORE LEAVING CARE\n"
                                "\n"
                                "Young person: ____________________  Planned leaving date: ____________\n"
                                "Key worker: ______________________  Next review: ____________________\n"
                                "\n"
                                "36 TO 24 MONTHS BEFORE LEAVING\n"
                                "[ ] First conversation about leaving care: hopes, fears, questions.\n"
                                "[ ] Young person's own goals written down in their words.\n"
                                "[ ] Life skills assessed together; first small responsibilities agreed.\n"
                                "[ ] Education and training options explored.\n"
                                "[ ] Support network mapped; important relationships identified.\n"
                                "\n"
                                "24 TO 12 MONTHS BEFORE LEAVING\n"
                                "[ ] Preparation plan written with the young person and reviewed regularly.\n"
                                "[ ] Young person manages a growing budget of their own.\n"
                                "[ ] Identity documents, certificates and health insurance checked.\n"
                                "[ ] Housing options explored and visited.\n"
                                "[ ] Contact with a mentor or peer support network offered.\n"
                                "\n"
                                "12 TO 3 MONTHS BEFORE LEAVING\n"
                                "[ ] Readiness discussed openly; leaving date confirmed or adjusted.\n"
                                "[ ] Housing secured; contract read together.\n"
                                "[ ] Income secured: work, grant, allowance or training payment.\n"
                                "[ ] Practice period of semi-independent living, where available.\n"
                                "[ ] Entitlements after 18 explained and applications made.\n"
                                "\n"
                                "THE LAST THREE MONTHS\n"
                                "[ ] Moving plan, furniture and basic equipment arranged.\n"
                                "[ ] Contacts list: who to call for what, including out of hours.\n"
                                "[ ] Agreement on follow-up visits after leaving.\n"
                                "[ ] A goodbye that the young person has helped to plan.\n"
                                "\n"
                                "AFTER LEAVING\n"
                                "[ ] Follow-up contact in the first week, first month and third month.\n"
                                "[ ] Young person knows they can come back for advice.\n"
                            ),
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Prepare two short, anonymised profiles of young people with different needs, for example a 16-year-old planning to study and a 17-year-old with a learning disability who wants to work. Half the groups plan for one profile, half for the other, using the timeline.",
                                "In plenary, compare the two plans side by side. Ask which differences the current rules in participants' services would allow and which they would not, and record the obstacles as material for the National Steering Group.",
                            ],
                            "suggested_minutes": 40,
                        },
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Module 4
    # ------------------------------------------------------------------
    {
        "slug": "building-support-networks",
        "title": "Building support networks",
        "summary": "Care leavers lack the support network that families give. This module looks at how to build networks of people, peers and mentors around young people, and how agencies can work together to offer housing, employment and counselling.",
        "audience": "professionals",
        "delivery_mode": "blended",
        "duration_minutes": 145,
        "objectives": [
            "Describe the support that families usually give young adults and that care leavers often lack.",
            "Map a young person's support network with them and identify gaps and resources.",
            "Explain how peer support, mentoring and platforms such as YouthLinks can strengthen care leavers' networks.",
            "Identify the agencies involved in leaving care in your area and ways of working together around the young person.",
        ],
        "lessons": [
            {
                "slug": "the-network-families-give",
                "title": "The network that families give",
                "intro": "Young people growing up with their families can usually call on a network of relatives and friends long after they turn 18; care leavers often cannot.",
                "estimated_minutes": 35,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "One of the clearest findings of the Prepare for Leaving Care project is that care leavers lack the support network that children growing up with their families have. This gap is often invisible to professionals, because a family's support is rarely written down anywhere.",
                            "### What a family network provides",
                            "Think of what a young adult aged 19 or 20 can usually count on from parents, grandparents, siblings, aunts and uncles, family friends and neighbours:",
                            "- a place to go back to when a flat, a job or a relationship does not work out;",
                            "- small loans, a meal, help with moving, a bed for a few nights;",
                            "- advice on contracts, bills, jobs and dealing with offices;",
                            "- contacts for work, housing and services;",
                            "- someone who notices when things are going wrong;",
                            "- celebrations, holidays and belonging: somebody who remembers your birthday.",
                            "Young people leaving care may have some of this, from their family of origin, a former foster family or a trusted educator, but often it is fragile or missing. Professional services cannot replace a family, but they can help a young person build and keep a network that does part of this work.",
                            "### Formal and informal support",
                            "A child-rights-based approach strengthens informal support networks as well as access to formal services. Formal support comes from professionals and services: social workers, case managers, employment services, health care, housing programmes. Informal support comes from people in the young person's life: relatives, friends, peers, neighbours, teachers, coaches, employers, faith communities, mentors. Formal support usually ends at a certain age or when a programme closes. Informal support can last.",
                            "### Mapping the network with the young person",
                            "A network map is a simple tool to make relationships visible. The young person is placed in the centre, with circles for family, friends and peers, professionals, and community. Together, you write in the people who matter and mark how close each relationship is and what kind of help each person could give. The map often reveals people the professional did not know about, such as an aunt who calls regularly or a former classmate, and gaps that can be filled before the young person leaves.",
                            "Contact with the family of origin needs particular care. For some young people, family can be a source of support after care; for others it can be a risk. The decision belongs with the young person, informed by an honest assessment of safety.",
                        ],
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Support networks",
                            "message": "Care leavers lack the support network that children growing up with their families have. Building lasting informal relationships around the young person is as important as arranging formal services.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Draw your own support network at the age of 20. Then compare it with the network of a young person you know who left care. What is missing, and who could fill the gap?",
                            "guidance": "Your own map is for you only. Use it to understand the difference, not to share personal details with the group.",
                        },
                    ),
                    (
                        "resource",
                        {
                            "title": "My support network map (worksheet)",
                            "description": "A worksheet to map a young person's support network with them, find gaps and agree actions before they leave care.",
                            "filename": "support-network-map.txt",
                            "text": (
                                "MY SUPPORT NETWORK MAP\n"
                                "\n"
                                "Draw a small circle in the middle of a page and write your name in it.\n"
                                "Around it, draw four areas: FAMILY, FRIENDS AND PEERS, PROFESSIONALS, COMMUNITY.\n"
                                "Write the people who matter to you in each area. The closer they are to you, the nearer they go to the centre.\n"
                                "\n"
                                "For each person, note:\n"
                                "- how often you are in contact;\n"
                                "- what kind of help they could give (advice, a place to stay, practical help, company, contacts for work);\n"
                                "- whether you have their phone number.\n"
                                "\n"
                                "WHO WOULD I CALL IF...\n"
                                "...I lost my keys late at night?  ______________________\n"
                                "...I was ill and could not go shopping?  ________________\n"
                                "...I did not understand a letter or a contract?  ________\n"
                                "...I lost my job?  _____________________________________\n"
                                "...I had to leave my flat?  ____________________________\n"
                                "...I felt very lonely?  _________________________________\n"
                                "...I had good news to share?  __________________________\n"
                                "\n"
                                "GAPS I HAVE FOUND:\n"
                                "__________________________________________________\n"
                                "\n"
                                "ONE PERSON I WANT TO GET TO KNOW BETTER OR GET BACK IN TOUCH WITH:\n"
                                "__________________________________________________\n"
                                "\n"
                                "WHAT MY KEY WORKER OR MENTOR WILL DO TO HELP:\n"
                                "__________________________________________________\n"
                            ),
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Ask participants to draw their own network at the age of 20 first, privately. Then, in pairs, complete the worksheet for an anonymised young person they know well, as the young person might fill it in.",
                                "In plenary, ask only for patterns: which areas were empty, which questions had no answer. Discuss what a service could do in the two to three years before leaving to fill those gaps.",
                            ],
                            "suggested_minutes": 30,
                        },
                    ),
                ],
            },
            {
                "slug": "peers-mentors-and-youthlinks",
                "title": "Peers, mentors and YouthLinks",
                "intro": "Other care leavers, mentors and online peer support can give young people relationships and knowledge that services alone cannot provide.",
                "estimated_minutes": 35,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Alongside training professionals, the Leaving Care project set out to build a support network for care leavers to improve their access to social rights. The main tool was the digital platform YouthLinks, which was implemented in five project countries.",
                            "### What YouthLinks offered",
                            "- <b>Peer-to-peer support:</b> young people with care experience supporting each other, sharing information and experience.",
                            "- <b>Coaching and mentoring:</b> by care professionals and by volunteers from companies, who offered their time and knowledge of the world of work.",
                            "- <b>Tools:</b> practical information for life after care.",
                            "- <b>Networking opportunities:</b> contacts with people and organisations beyond the care system.",
                            "### Why peers matter",
                            "Other young people who have left care understand what it means without explanation. They can share which office is helpful, how they found a flat, or how they coped in the first lonely months. Peer support also changes the role of care leavers: from recipients of help to people who have something to offer. Many young people who took part in the project's Young Expert Groups described it as an experience of empowerment.",
                            "### What a mentor is, and is not",
                            "A mentor is a trusted adult who spends time regularly with a young person, listens and helps them think through decisions. A mentor is not a social worker, does not hold a case file and does not make decisions about the young person. That is exactly why the relationship can feel different. Mentors from companies can open doors to work experience, internships and jobs, and can help young people understand what employers expect.",
                            "### Making mentoring safe and useful",
                            "- Select and prepare mentors carefully, including safeguarding checks required in your country.",
                            "- Let young people choose whether they want a mentor and have a say in who it is.",
                            "- Agree clear expectations on both sides: frequency of contact, confidentiality and its limits, and what to do if something worries the mentor.",
                            "- Support mentors with supervision or regular contact with a coordinator.",
                            "- Plan how the relationship can continue after the young person leaves care, or end well.",
                            "Online platforms work best when they are connected to real relationships. Young people are more likely to use a platform if someone they trust introduces it to them, helps them register and is also present on it.",
                        ],
                    ),
                    (
                        "quote",
                        {
                            "text": "First of all, gaining independence should be treated as a process where you could see how things are going. And whether that person is ready. And if she or he isn't ready, they should at least have someone on their side, so that they don't just automatically stumble and fall.",
                            "attribution": "Care leaver",
                            "source": "Prepare for Leaving Care Practice Guidance",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Someone on their side",
                            "message": "Peers and mentors can be the someone on the young person's side that care leavers ask for. Introduce these relationships early, while the young person is still in care, so they are in place on the day of leaving.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Which young people in your service would benefit most from a mentor or from contact with other care leavers? What stands in the way of offering it to them now?",
                            "guidance": "Consider practical barriers (time, transport, internet access, safeguarding procedures) as well as attitudes of staff and young people.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "If YouthLinks or a similar peer support platform is available in your country, show it live and walk through registration. If it is not, show what exists locally: care leaver associations, youth councils, mentoring programmes.",
                                "Invite a care leaver or a mentor to a short conversation in front of the group, prepared in advance. Ask what made the relationship work and what did not. Give the guest the right to skip any question.",
                            ],
                            "suggested_minutes": 30,
                        },
                    ),
                ],
            },
            {
                "slug": "working-together-across-agencies",
                "title": "Working together across agencies",
                "intro": "No single service can meet all the needs of a young person leaving care, so agencies have to work together around the young person rather than passing them from door to door.",
                "estimated_minutes": 45,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "A young person leaving care may need, within a few months, a place to live, a job or a training place, an income, health care, counselling and help with documents. These come from different agencies with different rules, budgets and age limits: the child protection authority, social assistance, the employment office, housing services, schools and universities, health services and NGOs. Challenges like these cannot be solved by one department or organisation alone; they need a multi-sectoral approach in which services work together in partnership.",
                            "### Common problems",
                            "- Support from child protection ends at 18 before adult services have started.",
                            "- Each agency assesses the young person again, with different forms, and the young person tells their story many times.",
                            "- Nobody is clearly responsible for coordination once the young person has left care.",
                            "- Information is not shared, or is shared without the young person's knowledge.",
                            "### What working together looks like",
                            "Effective cooperation is built on a few practical elements. One professional, usually a case manager or social worker, coordinates the support and is the young person's main contact. Agencies use shared tools to assess needs and agree one joint plan, so that each knows what the others are doing. The plan is monitored and reviewed together. Information is shared safely, ethically and with the young person's consent. And the transition between child and adult services is planned well before the eighteenth birthday, not after it.",
                            "### Housing, employment and counselling",
                            "Programmes for young people leaving care usually fall into two main groups: housing, for example assisted apartments, transition centres, social apartments and temporary shelters, and employment, through training, support to access the labour market and incentives for employers. Counselling and socio-professional training run through both. None of these works well alone: a flat without an income is soon lost, and a job is hard to keep without a stable place to live.",
                            "### The National Steering Group as a model",
                            "In the Leaving Care project, each country had a National Steering Group responsible for implementing the project and for making sure its impact would last at national level after 2020. Bringing the relevant authorities and organisations around one table at national level is the same principle, applied to policy, as a joint plan around one young person.",
                        ],
                    ),
                    (
                        "quote",
                        {
                            "text": "Everyone involved in the care leaving process should clearly be working together to ensure that care leavers are offered the highest quality support possible that best suits their individual needs, wishes and circumstances.",
                            "attribution": "Prepare for Leaving Care Practice Guidance",
                            "source": "",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "One plan, one contact person",
                            "message": "Agencies should agree one joint plan with the young person and one professional who coordinates it, and plan the move from child to adult services well before the eighteenth birthday.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "List every agency a young person leaving care in your area might need in their first year after care. Which of them do you know personally? Where does the young person fall between two services?",
                            "guidance": "Mark the points where support ends because of age or programme rules. These are the places where cooperation agreements are most needed.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "If possible, run this lesson with participants from different agencies in the same room: child protection, social assistance, employment services, housing, NGOs. Mixed groups learn more about each other's rules in one hour than in years of letters.",
                                "Give each group a case of a young person six months before leaving care and ask them to agree one joint plan, naming who does what and who coordinates. Ask each agency representative to say honestly what their rules allow.",
                                "Close by asking each participant to name one person in another agency they will contact in the next month.",
                            ],
                            "suggested_minutes": 40,
                        },
                    ),
                ],
            },
            {
                "slug": "case-study-bucharest-integration-pathways",
                "title": "Case study: integration pathways in Bucharest's District 6",
                "intro": "An optional case study of how a Romanian child protection directorate combines housing, employment and counselling for young people leaving care.",
                "estimated_minutes": 30,
                "is_required": False,
                "body": [
                    (
                        "rich_text",
                        [
                            "The General Directorate of Social Assistance and Child Protection (DGASPC) of Bucharest's District 6 runs integration pathways for young people leaving the care system. Its aim is to support the social and labour integration of young people leaving care. The case shows how a local authority can work with NGOs and community resources when national provision is limited.",
                            "### Background",
                            "After Romania ratified the UN Convention on the Rights of the Child in 1990, its child protection system went through a long reform, including Law 272/2004 on the protection and promotion of the rights of the child and the closure of old-type placement centres. In 2004, more than 200 children lived in the District 6 placement centres. By 2019, about 70 children and young people were living in family-type placements such as small houses and apartments. At the time of the description, 22 young people were in residential care, eight of them with a disability.",
                            "### What the pathways offer",
                            "- <b>Support after 18:</b> young people continue to receive support after the age of 18 through various projects, and those in education programmes are supported until the age of 26 through partnerships with NGOs. Together with its partners, the directorate supports about ten young people each year who reach the legal age to leave the child protection system.",
                            "- <b>Housing:</b> provided through programmes developed with the help and support of civil society, such as assisted apartments, transition centres and temporary shelters. The “Steps towards Independence” project runs houses built in partnership with an NGO, at a monthly cost of about 500 euros per beneficiary.",
                            "- <b>Employment:</b> training and support to access the labour market; at national level, employment through solidarity contracts under Law 116/2002.",
                            "- <b>Counselling and socio-professional training:</b> the most widespread type of programme, 36 of the 82 programmes identified.",
                            "- <b>Specialised support:</b> three programmes for young people with disabilities, including sheltered accommodation.",
                            "Supervisors offering support around the clock, psychologists, social workers and case managers work with the young people. The directorate has also run seven European-funded projects on skills and professional training that reached 128 young people in the Bucharest-Ilfov region.",
                            "### Results and questions",
                            "Of the 30 young people who left the care system from 2016, four had graduated from university, 17 were employed and 18 could afford to rent a home. Young people are consulted about the support they need and about their career ideas. Many do not want to continue their studies and think they could have a better life outside Romania.",
                            "The case raises questions worth discussing: what happens to young people who are not in education after 18; how far good local practice depends on one directorate's budget and commitment; and how young people's own plans, including plans to emigrate, can be taken seriously and supported safely.",
                        ],
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Integration needs all three",
                            "message": "Housing, employment and counselling work best as one pathway. A flat without an income, or a job without a stable home, rarely lasts.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Which elements of the District 6 pathways exist in your area, and which are missing? Which one element would make the biggest difference for the young people you work with?",
                            "guidance": "Think also about who would need to fund and run it, and which partners could be involved.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "This lesson is optional in the online course. Face to face, it works well as a jigsaw exercise: each group reads one part (background, housing, employment, counselling, results) and explains it to a mixed group.",
                                "Ask groups to compare the figures with their own area where they have data, and to be cautious about drawing conclusions from small numbers. The aim is to see what is possible, not to rank services.",
                            ],
                            "suggested_minutes": 30,
                        },
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Module 5: youth module
    # ------------------------------------------------------------------
    {
        "slug": "your-move-guide-for-young-people",
        "title": "Your move: a guide for young people leaving care",
        "summary": "For young people aged about 15 to 21 who live in care or have recently left. Your rights, planning your move, money and housing basics, and who can help you.",
        "audience": "young_people",
        "delivery_mode": "blended",
        "duration_minutes": 130,
        "objectives": [
            "Know the main rights you have while you are in care and after you leave.",
            "Start your own plan for leaving care together with the people who support you.",
            "Make a simple monthly budget and know the main options for where to live.",
            "Know who can help you, how to build your own support network and how to speak up.",
        ],
        "lessons": [
            {
                "slug": "your-rights-and-your-voice",
                "title": "Your rights and your voice",
                "intro": "You have rights while you are in care and after you leave, and one of the most important is the right to say what you think about decisions that affect your life.",
                "estimated_minutes": 30,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "This part of the course is for you if you live in a residential home, a family-type home or a foster family and you will leave care in the next few years, or if you have left care recently. Young people who have been where you are now helped to shape it.",
                            "### You have rights, before and after 18",
                            "Every child has rights. They are written in the UN Convention on the Rights of the Child, and your country has promised to respect them. Living in care does not take any of your rights away. Turning 18 does not mean you lose the right to be treated with respect and fairness, or to get the support you are entitled to.",
                            "Here are some rights that matter a lot when you are getting ready to leave care:",
                            "- <b>The right to be heard.</b> When adults make decisions about your life, you have the right to say what you think, and they have to take your views seriously.",
                            "- <b>The right to information.</b> You have the right to know what is planned for you, what your options are and what support exists, explained in a way that makes sense to you.",
                            "- <b>The right to be prepared.</b> You should get time and help to learn what you need for living on your own, not a rushed goodbye.",
                            "- <b>The right to be treated fairly.</b> Nobody should treat you worse because you grew up in care, or because of your ethnicity, a disability or where you come from.",
                            "### Speaking up",
                            "Being heard does not always happen by itself. Sometimes you have to ask. You can:",
                            "- ask for a meeting with your social worker or case manager to talk about your plan;",
                            "- ask to see what is written about you, and ask for mistakes to be corrected;",
                            "- bring someone you trust to important meetings;",
                            "- write down your questions before a meeting so you do not forget them;",
                            "- say “I don't understand, can you explain?” as many times as you need.",
                            "If you disagree with a decision, say so, and ask what you can do about it. Every service should have a way to make a complaint, and you have the right to know how it works. Asking questions is not being difficult. It is using your rights.",
                            "### Your voice can change things for others too",
                            "In the Leaving Care project, young people who grew up in care formed Young Expert Groups in their countries. They helped to design the training for professionals like your social worker and told decision-makers what needs to change. If there is a youth council or a group like this near you, you can join it.",
                        ],
                    ),
                    (
                        "quote",
                        {
                            "text": "As a young person involved in the project I always felt that my views mattered and that the people in front of me were open and interested in what I had to say.",
                            "attribution": "Young person, Hungary",
                            "source": "Leaving Care project interview",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Your views matter",
                            "message": "You have the right to say what you think about every decision that affects your life, and adults have to take your views seriously. That right does not end when you turn 18.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Think of a decision that was made about your life in the last year. Were you asked what you thought? If you could go back, what would you want to say?",
                            "guidance": "You do not have to share your answer with anyone. Writing it down can help you get ready for the next meeting about your plan.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Run this part with a young expert as co-facilitator if at all possible. Young people listen differently to someone who has been in care themselves.",
                                "Do not ask participants to tell their personal stories in the group. Use the reflection as private writing, then ask only for general points, such as “What makes it hard to speak up?”. Make sure a trusted adult is available after the session for anyone who is upset.",
                            ],
                            "suggested_minutes": 25,
                        },
                    ),
                ],
            },
            {
                "slug": "planning-your-move",
                "title": "Planning your move",
                "intro": "Moving out of care goes better when it happens step by step, with a plan that you help to write.",
                "estimated_minutes": 35,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Moving out of care is a big step, and it goes better when it does not happen all at once. Young people who have already left care say they wanted to start getting ready two to three years before they actually left. That might sound early, but there is a lot to learn, and it is much easier to learn it while you still have people around you every day.",
                            "### Start early, step by step",
                            "Getting ready means trying things out while you still have a safety net. You could start by doing your own shopping for a week, then managing your own money for a month, then living in a training flat or a more independent part of your home, if your service has one. If something goes wrong, that is part of learning, not a failure.",
                            "### Your plan",
                            "You should have a plan for leaving care, and you should help to write it. It is your plan, not just a form in your file. A good plan says:",
                            "- where you will live when you leave, and what happens if that does not work out;",
                            "- what you will do: school, training, university or work;",
                            "- how much money you will have and where it will come from;",
                            "- who will support you and how you can contact them;",
                            "- what you still want to learn before you leave;",
                            "- when the plan will be checked again.",
                            "Ask to see your plan, and ask for it to be changed when things change. A plan should be checked regularly, not only once.",
                            "### Are you ready?",
                            "There is no exam for being ready, and being ready is not only about your age. It is about whether you feel able to look after yourself, whether you know where you will live, and whether you know who you can call at two in the morning when something goes wrong. If you do not feel ready, say so. You have the right to ask for more time or more support.",
                            "### Important documents",
                            "Before you leave, make sure you have your identity card, birth certificate, health insurance documents, school certificates and any papers about benefits or support you are entitled to. Keep the originals in a safe place and take photos of them on your phone.",
                        ],
                    ),
                    (
                        "quote",
                        {
                            "text": "First of all, gaining independence should be treated as a process where you could see how things are going. And whether that person is ready. And if she or he isn't ready, they should at least have someone on their side, so that they don't just automatically stumble and fall.",
                            "attribution": "Care leaver",
                            "source": "Prepare for Leaving Care Practice Guidance",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Start two to three years before you leave",
                            "message": "Young people who have left care say the best time to start getting ready is two to three years before you leave. You can ask for your preparation to start now.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Imagine it is your first week living on your own. What is the first thing you would worry about? Who could you ask for help with it today?",
                            "guidance": "Use your answer to choose one thing from the checklist below to work on this month.",
                        },
                    ),
                    (
                        "resource",
                        {
                            "title": "My leaving care checklist",
                            "description": "A checklist for young people to see what is ready and what still needs to be done before leaving care.",
                            "filename": "my-leaving-care-checklist.txt",
                            "text": (
                                "MY LEAVING CARE CHECKLIST\n"
                                "\n"
                                "Tick what is done. Circle what you want help with. Take it to your next planning meeting.\n"
                                "\n"
                                "MY PLAN\n"
                                "[ ] I have seen my leaving care plan and I helped to write it.\n"
                                "[ ] I know when my plan will be checked again.\n"
                                "[ ] I know the date I am expected to leave, and I can ask for more time if I am not ready.\n"
                                "\n"
                                "DOCUMENTS\n"
                                "[ ] Identity card\n"
                                "[ ] Birth certificate\n"
                                "[ ] Health insurance documents\n"
                                "[ ] School and training certificates\n"
                                "[ ] Papers about benefits or support I am entitled to\n"
                                "[ ] Photos of all my documents on my phone\n"
                                "\n"
                                "WHERE I WILL LIVE\n"
                                "[ ] I know where I will live when I leave.\n"
                                "[ ] I have visited the place.\n"
                                "[ ] I know what happens if it does not work out.\n"
                                "\n"
                                "MONEY\n"
                                "[ ] I know how much money I will have each month and where it comes from.\n"
                                "[ ] I have made a monthly budget.\n"
                                "[ ] I have a bank account and I know how to use it.\n"
                                "\n"
                                "SKILLS I CAN ALREADY DO ON MY OWN\n"
                                "[ ] Shopping for food on a budget\n"
                                "[ ] Cooking simple meals\n"
                                "[ ] Washing and cleaning\n"
                                "[ ] Paying a bill\n"
                                "[ ] Making an appointment with a doctor\n"
                                "[ ] Going to an office and asking for what I need\n"
                                "\n"
                                "PEOPLE\n"
                                "[ ] I have the phone numbers of people I can call for help.\n"
                                "[ ] I know who my contact person will be after I leave.\n"
                                "[ ] I know other young people who have left care, or a mentor.\n"
                                "\n"
                                "The one thing I want to work on this month:\n"
                                "__________________________________________________\n"
                            ),
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Hand out the checklist and let participants fill it in on their own. Those who have already left care can mark what they wish they had known before leaving.",
                                "Then collect, without names, the items that most people have not yet done. These are the topics to raise with the professionals responsible for leaving care; tell the young people clearly what will happen with their answers.",
                            ],
                            "suggested_minutes": 30,
                        },
                    ),
                ],
            },
            {
                "slug": "money-and-housing-basics",
                "title": "Money and housing basics",
                "intro": "Money and a place to live are two of the biggest worries when you leave care, and knowing the basics makes a big difference.",
                "estimated_minutes": 35,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Two of the biggest worries for young people leaving care are money and a place to live. You do not need to know everything before you leave, but knowing the basics helps a lot.",
                            "### Where you might live",
                            "What is available depends on your country and your town. Options can include:",
                            "- an assisted or supported apartment, where you live more independently but a professional visits you regularly;",
                            "- a transition centre or training flat, where you practise living on your own for a limited time;",
                            "- a social apartment or social housing from the local authority;",
                            "- a rented room or flat, on your own or shared with friends;",
                            "- living with family, a former foster family or relatives, if that is safe and it is what you want.",
                            "In some places you can keep getting support after 18 if you are studying. In District 6 of Bucharest, for example, young people in education can be supported until the age of 26 through partnerships between the child protection directorate and NGOs. Ask your social worker what exists where you live and what the rules are.",
                            "### Before you sign a rental contract",
                            "- Read the whole contract, and ask someone you trust to read it too.",
                            "- Check how much the rent is, what it includes and how big the deposit is.",
                            "- Find out how the bills for electricity, water, heating and internet are paid.",
                            "- Take photos of the flat on the day you move in.",
                            "### Making your money last",
                            "A budget is a plan for your money. Write down everything that comes in each month, such as wages, a grant, an allowance or other support, and everything that goes out, such as rent, bills, food, transport and your phone. Pay the things you must pay first: rent and bills. Try to put a little aside for emergencies every month, even if it is very little.",
                            "Be careful with quick loans and buying on credit. They look easy, but the debt grows fast. If someone offers you a job abroad or a deal that sounds too good to be true, check it with someone you trust before you say yes.",
                        ],
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Ask what you are entitled to",
                            "message": "Grants, allowances, housing programmes and job programmes for young people leaving care exist in many places, but nobody may tell you about them unless you ask. Ask your social worker to go through the list with you.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Look at the budget worksheet. Which costs surprised you? Which one would be the hardest for you to pay?",
                            "guidance": "If you do not know a price, find it out this week: ask someone, look it up online or check in a shop.",
                        },
                    ),
                    (
                        "resource",
                        {
                            "title": "My monthly budget",
                            "description": "A simple worksheet for young people to plan their money for one month.",
                            "filename": "my-monthly-budget.txt",
                            "text": (
                                "MY MONTHLY BUDGET\n"
                                "\n"
                                "Month: ______________\n"
                                "\n"
                                "MONEY COMING IN\n"
                                "Wages from work: ____________\n"
                                "Grant or scholarship: ____________\n"
                                "Allowance or benefit: ____________\n"
                                "Other support: ____________\n"
                                "TOTAL IN: ____________\n"
                                "\n"
                                "MONEY GOING OUT\n"
                                "Pay these first:\n"
                                "Rent: ____________\n"
                                "Electricity, water, heating: ____________\n"
                                "Phone and internet: ____________\n"
                                "\n"
                                "Then:\n"
                                "Food: ____________\n"
                                "Transport: ____________\n"
                                "Toiletries and cleaning products: ____________\n"
                                "Clothes: ____________\n"
                                "Medicines: ____________\n"
                                "Free time: ____________\n"
                                "Savings for emergencies: ____________\n"
                                "TOTAL OUT: ____________\n"
                                "\n"
                                "TOTAL IN minus TOTAL OUT: ____________\n"
                                "\n"
                                "If the result is below zero, what can I change?\n"
                                "__________________________________________________\n"
                                "\n"
                                "Who can I ask for advice about money?\n"
                                "__________________________________________________\n"
                            ),
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Bring real local examples: a rental advertisement, a utility bill with personal details removed, and the current price of a monthly transport pass and a basic shopping basket. Budgeting exercises without real prices are quickly forgotten.",
                                "Some young people will have had bad experiences with money or debt. Keep examples impersonal and offer individual follow-up with their key worker.",
                            ],
                            "suggested_minutes": 30,
                        },
                    ),
                ],
            },
            {
                "slug": "who-can-help-you",
                "title": "Who can help you",
                "intro": "Nobody manages alone, and you can build a network of people who will be there for you after you leave care.",
                "estimated_minutes": 30,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Young people who grow up with their families usually have people to call when something goes wrong: parents, grandparents, aunts and uncles, older brothers and sisters, neighbours. Young people leaving care often do not have this network, and they have said how much they miss it. The good news is that a network can be built, and it is never too late to start.",
                            "### People around you now",
                            "Make a list of the people you can count on. It might include:",
                            "- your social worker, case manager or key worker;",
                            "- a carer, educator or foster parent you trust;",
                            "- people from your family, if it is safe to be in contact with them;",
                            "- friends, and other young people who have left care;",
                            "- a teacher, a coach, an employer or a neighbour;",
                            "- a mentor, if your service offers one.",
                            "### Peers and mentors",
                            "Other young people who have left care know what it feels like. In the Leaving Care project, the online platform YouthLinks was set up in five countries so that young people could support each other, get coaching and mentoring from care professionals and from volunteers working in companies, and find useful tools and contacts. Ask whether something like this exists near you. A mentor is not a social worker: it is someone who gives you their time, listens to you and helps you think things through.",
                            "### Services that can help",
                            "Depending on where you live, help can come from the child protection or social assistance office, the employment office, organisations that run housing or job programmes, health services and counselling. These services should work together around you. If you are sent from one office to another, ask who is responsible for you and ask them to talk to each other.",
                            "### Keep in touch",
                            "Before you leave, swap phone numbers with the people who matter to you. Ask how you can contact the service after you leave, and whether you can come back to visit. Asking for help is a skill, not a weakness. Everyone needs help sometimes, including adults who did not grow up in care.",
                        ],
                    ),
                    (
                        "key_message",
                        {
                            "heading": "You do not have to do it alone",
                            "message": "You have the right to support after you leave care. Build your network before you leave, keep the phone numbers of the people who matter, and ask for help early rather than late.",
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": "Everyone involved in the care leaving process should clearly be working together to ensure that care leavers are offered the highest quality support possible that best suits their individual needs, wishes and circumstances.",
                            "attribution": "Prepare for Leaving Care Practice Guidance",
                            "source": "",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Who would you call if you lost your job? If you were ill? If you felt very lonely? If there is a gap, who could fill it?",
                            "guidance": "The same person can appear more than once. If you find a gap, talk about it with your social worker or mentor.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Draw a large network map on a flipchart with a young person in the centre and four areas around it: family, friends and peers, professionals, community. Ask participants to draw their own on paper; nobody has to show theirs.",
                                "If YouthLinks or another peer support platform is available in your country, show it live and help participants register during the session. Invite a young expert or an older care leaver to tell how they built their own network.",
                            ],
                            "suggested_minutes": 25,
                        },
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Module 6: for trainers
    # ------------------------------------------------------------------
    {
        "slug": "running-the-national-training",
        "title": "For trainers: running the national training",
        "summary": "Guidance for master trainers and national trainers on the training cascade, preparing and running sessions, co-facilitating with young experts, and working with the National Steering Group on attendance and evaluation.",
        "audience": "trainers",
        "delivery_mode": "face_to_face",
        "duration_minutes": 150,
        "objectives": [
            "Explain how the training cascade from master trainers to care professionals works and what your role in it is.",
            "Prepare and run interactive sessions for care professionals using the course materials and facilitation notes.",
            "Plan co-facilitation with young experts so that their participation is safe, prepared and meaningful.",
            "Record attendance and evaluation and report to the National Steering Group so that results can be used at national level.",
        ],
        "lessons": [
            {
                "slug": "the-training-cascade",
                "title": "The training cascade",
                "intro": "The national training reaches care professionals through a cascade: master trainers are trained first and then train professionals in their own countries.",
                "estimated_minutes": 30,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "The Leaving Care project used a cascade model to reach care professionals across six countries. First, 66 master trainers were trained in the approach and the tools. They then delivered national training, including a youth module, to about 378 care professionals in the six project countries. The same model can continue after the project: every master trainer can train new groups of professionals, and experienced national trainers can become master trainers themselves.",
                            "### Why a cascade?",
                            "A cascade builds capacity inside each country. Trainers know their own child protection system, its laws, services and language, and can adapt examples to local reality. Training materials that stay in the country can be used again by organisations and agencies to keep increasing the capacity of their staff. Similar approaches have worked elsewhere in the region: in Belarus, the All Children Included project trained 120 trainers, who in turn trained 400 colleagues in schools, foster care, vocational schools and institutions.",
                            "### The risk of dilution",
                            "The weakness of any cascade is that the message can become thinner at each step. A two-day training delivered as a two-hour lecture will not change practice. To protect the quality of the training:",
                            "- use the materials as they are designed, including the interactive exercises and reflection prompts;",
                            "- keep the core messages unchanged: participation, preparation two to three years before leaving care, support networks, flexibility and respect;",
                            "- adapt examples, not principles, to your local context;",
                            "- involve young people with care experience wherever possible;",
                            "- take part in exchanges with other trainers to share what works.",
                            "### Who takes part",
                            "The national training is for the range of professionals who work with young people leaving care or have responsibility for their well-being: carers and educators in residential and family-type services, foster carers, social workers and case managers, psychologists, staff of child protection authorities and NGOs, and, where possible, professionals from education, employment, housing and health services. Mixed groups from different agencies make the module on working together much stronger.",
                            "### Your role as a trainer",
                            "A trainer in this programme is not only someone who transmits knowledge. You model the approach you teach. If the training is rights-based, participatory, respectful and flexible, participants experience what they are asked to offer young people. If it is a lecture, they learn that too.",
                        ],
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Keep the core messages",
                            "message": "Adapt examples to your country, but keep the core messages of the training intact: participation under article 12, preparation starting two to three years before leaving care, support networks, and flexibility and respect.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Which part of the training do you expect to be most at risk of being shortened or lost when you deliver it in your country? What will you do to protect it?",
                            "guidance": "Think about time pressure, participants' expectations and parts of the content that may be uncomfortable for some services.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "In a training of trainers, draw the cascade on a flipchart with real numbers from your country: how many master trainers, how many planned national sessions, how many professionals. Ask trainers to identify where in the chain the message is most likely to weaken.",
                                "Ask each trainer to name the three core messages they will never cut, and to write them on a card they keep during their own sessions.",
                            ],
                            "suggested_minutes": 25,
                        },
                    ),
                ],
            },
            {
                "slug": "preparing-and-running-sessions",
                "title": "Preparing and running sessions",
                "intro": "Good sessions for care professionals are prepared carefully, built on participants' own experience and use group work rather than lectures.",
                "estimated_minutes": 45,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Care professionals come to training with years of experience, strong views and often with fatigue. The national training works best when it uses their experience as material and gives them time to think, discuss and practise.",
                            "### Before the session",
                            "- Find out who is coming: which services, which roles, how much experience, and whether any participants have care experience themselves.",
                            "- Read the lessons you will use, including all facilitation notes, and prepare local examples, figures and contacts.",
                            "- Plan timing with a session plan, leaving space for discussion. Most lessons need 25 to 40 minutes face to face.",
                            "- Prepare the room so that people can work in small groups and move around; avoid classroom rows.",
                            "- If a young expert will co-facilitate, meet them beforehand to plan together.",
                            "- Prepare attendance sheets and evaluation forms.",
                            "### Opening",
                            "Agree ground rules with the group: confidentiality about young people and colleagues, respect for different views, and the right to step out of an exercise. Remind participants not to name young people or share identifying details. Ask what they hope to take away, and come back to these hopes at the end.",
                            "### Group work",
                            "Most exercises in the course use small groups of four to six people. Mix participants from different services and roles. Give clear written instructions and a time limit. Move between the groups to listen and help, without taking over. In plenary, ask each group for one key point rather than a full report, to save time and avoid repetition.",
                            "### Difficult moments",
                            "Leaving care touches on loss, failure and sometimes on participants' own childhood. Some discussions will be emotional. Acknowledge feelings, do not force anyone to share, and know where participants can find support after the session. When participants defend practices that do not respect young people's rights, do not shame them: ask questions, bring in the quotes from young people, and let the group work through the disagreement.",
                            "### Closing",
                            "End every session by asking each participant to name one concrete change they will make in their practice. Written commitments are more likely to be kept. Collect the evaluation forms before people leave.",
                        ],
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Model the approach you teach",
                            "message": "Run sessions in the way you want professionals to work with young people: listening, respectful, flexible and built on people's own experience.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "Recall the best training you have attended as a participant. What did the trainer do that made it work? Which of those things will you do in your own sessions?",
                            "guidance": "Name concrete behaviours, such as how the trainer opened the session, asked questions or handled disagreement, rather than personal qualities.",
                        },
                    ),
                    (
                        "resource",
                        {
                            "title": "Session plan template for the national training",
                            "description": "A template to plan a face-to-face session of the national training: aims, timing, activities, materials and follow-up.",
                            "filename": "session-plan-template.txt",
                            "text": (
                                "SESSION PLAN: NATIONAL TRAINING ON LEAVING CARE\n"
                                "\n"
                                "Date: ____________  Place: ____________________\n"
                                "Trainer(s): ______________________________________\n"
                                "Young expert co-facilitator: _____________________\n"
                                "Expected participants (number, services, roles): ____________________\n"
                                "\n"
                                "MODULE AND LESSONS USED\n"
                                "__________________________________________________\n"
                                "\n"
                                "AIMS OF THE SESSION (what participants will be able to do)\n"
                                "1. ________________________________________________\n"
                                "2. ________________________________________________\n"
                                "3. ________________________________________________\n"
                                "\n"
                                "TIMETABLE\n"
                                "Time | Activity | Method (plenary, small groups, pairs) | Who leads | Materials\n"
                                "_____|__________|______________________________________|___________|__________\n"
                                "_____|__________|______________________________________|___________|__________\n"
                                "_____|__________|______________________________________|___________|__________\n"
                                "_____|__________|______________________________________|___________|__________\n"
                                "\n"
                                "CHECKLIST\n"
                                "[ ] Facilitation notes read for every lesson used\n"
                                "[ ] Local examples, figures and contacts prepared\n"
                                "[ ] Handouts printed\n"
                                "[ ] Room arranged for group work\n"
                                "[ ] Preparation meeting held with the young expert\n"
                                "[ ] Support available for participants after emotional sessions\n"
                                "[ ] Attendance sheet and evaluation forms ready\n"
                                "\n"
                                "AFTER THE SESSION\n"
                                "What worked well: ________________________________\n"
                                "What I will change next time: _____________________\n"
                                "Points to report to the National Steering Group: ____\n"
                            ),
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "In a training of trainers, ask pairs to prepare a 30-minute session on one lesson of their choice using the template, then run ten minutes of it with the group. Give structured feedback: one thing that worked, one question, one suggestion.",
                                "Pay particular attention to timing: new trainers almost always plan too much content. Ask them to cut their plan by a third and see what they keep.",
                            ],
                            "suggested_minutes": 45,
                        },
                    ),
                ],
            },
            {
                "slug": "co-facilitating-with-young-experts",
                "title": "Co-facilitating with young experts",
                "intro": "Young people with care experience can co-facilitate training as experts in their own right, provided their participation is prepared, supported and respected.",
                "estimated_minutes": 40,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Youth participation was central to all activities of the Leaving Care project, including training. Young people from the national Young Expert Groups helped to shape the tools, and their involvement was assessed at the end of the project by the young people themselves. When young experts co-facilitate training, professionals hear directly what leaving care is like, and the training itself becomes an example of the participation it teaches.",
                            "### Roles for young experts",
                            "Young experts can take different roles, depending on their wishes, experience and confidence:",
                            "- co-presenting a lesson, for example on participation or on planning the move;",
                            "- leading or co-leading a small-group exercise;",
                            "- taking part in a panel or a prepared conversation with the trainer;",
                            "- giving feedback to participants in role-plays, especially from the young person's perspective;",
                            "- helping to adapt materials and examples so that they are realistic.",
                            "### Preparing together",
                            "Meet the young expert well before the session. Go through the session plan together and agree their role, timing and what they want to say. Agree clearly what personal experience they are willing to share and what is off limits, and agree a signal they can use if they want to stop or change something during the session. Young experts are not case studies: they are co-facilitators, and they decide how much of their own story to tell.",
                            "### Recognition and practical support",
                            "Treat young experts as members of the training team. Cover their travel and meals, and pay or reward them in line with your organisation's policy for external trainers or experts. Introduce them to participants as co-facilitators with expertise, not as guests. Make sure they are not left alone with difficult questions from participants.",
                            "### After the session",
                            "Debrief together as soon as possible. Ask how it felt, what worked and what was difficult. Share participants' feedback on their part. Check that the young expert has someone to talk to if the session brought up difficult feelings. Ask whether they want to continue, and in which role.",
                        ],
                    ),
                    (
                        "quote",
                        {
                            "text": "As a young person involved in the project I always felt that my views mattered and that the people in front of me were open and interested in what I had to say.",
                            "attribution": "Young person, Hungary",
                            "source": "Leaving Care project interview",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "Co-facilitators, not case studies",
                            "message": "Young experts bring expertise to training. Prepare with them, recognise their contribution, protect their privacy and let them decide how much of their own story to share.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "What would a young expert need from you to feel, like the young person from Hungary, that their views mattered and that people were interested in what they had to say?",
                            "guidance": "Think about before, during and after the session, and about practical matters as well as attitudes.",
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "If possible, run this lesson together with a member of a Young Expert Group. Ask them to describe, in their own words, what good and bad co-facilitation felt like from their side.",
                                "Pairs of trainers then plan the preparation meeting they will hold with a young expert for one of their own sessions, covering role, content, limits on personal sharing, practical support and debriefing.",
                            ],
                            "suggested_minutes": 30,
                        },
                    ),
                ],
            },
            {
                "slug": "national-steering-group-attendance-and-evaluation",
                "title": "The National Steering Group, attendance and evaluation",
                "intro": "The National Steering Group makes sure the training has a lasting effect at national level, and it depends on trainers for accurate attendance and evaluation records.",
                "estimated_minutes": 35,
                "is_required": True,
                "body": [
                    (
                        "rich_text",
                        [
                            "Each project country had a National Steering Group (NSG) responsible for implementing the project and for ensuring its sustainable impact at national level after 2020. For trainers, the NSG is the link between what happens in a training room and what changes in the national child protection system.",
                            "### What the National Steering Group does",
                            "- plans the national training and decides with trainers where and for whom sessions are held;",
                            "- brings together the organisations and authorities responsible for young people leaving care;",
                            "- follows the progress of the training and the results of its evaluation;",
                            "- uses evidence from the training to develop national policy recommendations, so that child rights, with a particular focus on leaving care, become part of the training of all caregivers and other professionals working in alternative care;",
                            "- involves young people, including members of the national Young Expert Group;",
                            "- plans how the training will continue after the project, for example through national conferences and by embedding it in professional training.",
                            "### Recording attendance",
                            "Accurate attendance records are needed to know how many professionals have been trained, from which services and roles, and in which regions. Record, for each session: date, place, trainers and young experts, module and lessons used, and for each participant their name, organisation, role and whether they attended the full session. Follow your organisation's rules on personal data, and tell participants what is recorded and why.",
                            "### Evaluation",
                            "Evaluation should tell the NSG not only whether participants liked the training, but what they learnt and what they intend to change. A short form at the end of every session can ask participants to rate the relevance and quality of the session, to name the most useful thing they learnt, and to write one change they will make in their practice. Where possible, a follow-up some months later asks whether that change happened. Trainers add their own observations and the points raised by young experts.",
                            "### Reporting",
                            "Send the attendance and evaluation records to the NSG after each session, or as agreed, together with a short note on issues raised by participants: obstacles in their services, gaps in national rules, examples of good practice. These notes are often the most valuable input for national policy recommendations.",
                        ],
                    ),
                    (
                        "quote",
                        {
                            "text": "Everyone involved in the care leaving process should clearly be working together to ensure that care leavers are offered the highest quality support possible that best suits their individual needs, wishes and circumstances.",
                            "attribution": "Prepare for Leaving Care Practice Guidance",
                            "source": "",
                        },
                    ),
                    (
                        "key_message",
                        {
                            "heading": "From the training room to national change",
                            "message": "Accurate attendance and evaluation records, and notes on the obstacles participants describe, are how the National Steering Group turns training sessions into lasting change at national level.",
                        },
                    ),
                    (
                        "reflection_prompt",
                        {
                            "prompt": "What did participants in your last session say about obstacles in their services or gaps in national rules? How could that reach the National Steering Group?",
                            "guidance": "Keep a running list of such points across sessions; patterns are more convincing than single remarks.",
                        },
                    ),
                    (
                        "resource",
                        {
                            "title": "Attendance and evaluation record for national training sessions",
                            "description": "A form to record attendance and collect participants' evaluation for one session, ready to send to the National Steering Group.",
                            "filename": "attendance-and-evaluation-record.txt",
                            "text": (
                                "ATTENDANCE AND EVALUATION RECORD: NATIONAL TRAINING SESSION\n"
                                "\n"
                                "PART A: SESSION DETAILS (completed by the trainer)\n"
                                "Date: ____________  Place: ____________________  Region: ____________\n"
                                "Trainer(s): ______________________________________\n"
                                "Young expert(s): _________________________________\n"
                                "Module and lessons used: __________________________\n"
                                "Duration (hours): ________\n"
                                "\n"
                                "PART B: ATTENDANCE\n"
                                "No. | Name | Organisation | Role | Full session (yes/no) | Signature\n"
                                "1.  |      |              |      |                       |\n"
                                "2.  |      |              |      |                       |\n"
                                "3.  |      |              |      |                       |\n"
                                "(continue on further sheets)\n"
                                "Total participants: ______  of whom full session: ______\n"
                                "\n"
                                "PART C: PARTICIPANT EVALUATION (one per participant, anonymous)\n"
                                "1. How relevant was the session to your work? 1 2 3 4 5\n"
                                "2. How would you rate the quality of the session? 1 2 3 4 5\n"
                                "3. The most useful thing I learnt: ________________\n"
                                "4. One change I will make in my practice: ___________\n"
                                "5. What would make this session better? ____________\n"
                                "\n"
                                "PART D: TRAINER'S NOTES FOR THE NATIONAL STEERING GROUP\n"
                                "Obstacles described by participants: ______________\n"
                                "Gaps in national rules or services: _______________\n"
                                "Examples of good practice: ________________________\n"
                                "Points raised by young experts: ___________________\n"
                            ),
                        },
                    ),
                    (
                        "facilitation_note",
                        {
                            "paragraphs": [
                                "Invite a member of the National Steering Group to this part of the training of trainers, so that trainers know who receives their records and what happens with them.",
                                "Practise filling in the record using a fictional session, and agree as a group on deadlines and the channel for sending records to the NSG.",
                            ],
                            "suggested_minutes": 20,
                        },
                    ),
                ],
            },
        ],
    },
]

# The course's certificate wording (certificate templates), by kind. Placeholders
# such as {name} are filled in when a certificate is issued.
CERTIFICATE_TEMPLATES = {
    "completion": {
        "name": "Course certificate: child-rights-based leaving-care practice",
        "title": "Certificate of completion",
        "body": "{name} completed the training “{course}” ({hours}), held {dates} in {country} and delivered by {trainer}.",
        "criteria": "Completed every lesson of the course and passed its post-test; in a face-to-face training, also attended at least the share of sessions the training requires.",
        "signatories": [
            {"name": "Elena Marinescu", "role": "Programme coordinator"},
        ],
    },
    "youth": {
        "name": "Youth module certificate",
        "title": "Certificate of participation",
        "body": "{name} took part in the youth module of “{course}”, {dates}, with {trainer}.",
        "criteria": "Took part in the sessions of the youth module, led by an accredited trainer.",
        "signatories": [
            {"name": "Elena Marinescu", "role": "Programme coordinator"},
        ],
    },
    "accreditation": {
        "name": "Trainer accreditation certificate",
        "title": "Trainer accreditation",
        "body": "{name} is accredited as {level} in the child-rights-based approach to young people leaving care, valid until {valid_until}.",
        "criteria": "Completed a training of trainers: attended its sessions, completed the online course and passed its post-test, and was accredited by the training's lead trainer or a programme coordinator.",
        "signatories": [
            {"name": "Elena Marinescu", "role": "Programme coordinator"},
        ],
    },
}

# A sentence the English editor added to one lesson after its Bulgarian and Romanian
# translations were made: they miss it until someone syncs them (the admin home lists them
# under "Translations out of date"; cms.demo.loader.revise_after_translation).
REVISION = {
    "lesson": "why-outcomes-are-poor",
    "intro_added": "Knowing these risks is why preparation starts two to three years before a young person leaves.",
}
