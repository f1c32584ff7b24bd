"""Demo assessments: the question bank, the course pre-test and post-test, one
knowledge check per module and the course evaluation.

Pure data. QUESTIONS is the question bank, keyed by stable slugs; ASSESSMENTS
lists the questions of each assessment by key, so the pre-test and the
post-test share the same questions. BG and RO map every English prompt,
answer option, feedback, title and introduction to its translation.
"""

from __future__ import annotations

QUESTIONS = [
    # ------------------------------------------------------------------
    # Pre-test and post-test: knowledge (modules 1 to 4)
    # ------------------------------------------------------------------
    {
        "key": "rights-holders-and-duty-bearers",
        "kind": "single",
        "prompt": "In a child-rights-based approach, how is a young person who is leaving care seen?",
        "choices": [
            {
                "text": "As a rights-holder, with the professionals, services and authorities around them as duty-bearers.",
                "correct": True,
            },
            {
                "text": "As a case that is closed when the protection measure ends.",
                "correct": False,
            },
            {
                "text": "As a beneficiary who receives whichever services happen to be available.",
                "correct": False,
            },
            {
                "text": "As a recipient whose main duty is to follow the plan that professionals have made.",
                "correct": False,
            },
        ],
        "feedback": "A child-rights-based approach sees the young person as a rights-holder and the professionals, services and state as duty-bearers who must respect, protect and fulfil their rights. The question becomes what the young person is entitled to, not only what the service offers.",
    },
    {
        "key": "rights-in-alternative-care",
        "kind": "true_false",
        "prompt": "Young people in alternative care have fewer rights under the UN Convention on the Rights of the Child than children who live with their families.",
        "answer": False,
        "feedback": "The Convention applies to every child, including every child in alternative care. Living in care takes none of a child's rights away, and the duty of professionals is to make those rights real before, during and after care.",
    },
    {
        "key": "why-outcomes-are-poor",
        "kind": "multiple",
        "prompt": "Which of the following help to explain why outcomes for care leavers are often poor? Select all that apply.",
        "choices": [
            {"text": "The lack of national leaving care frameworks.", "correct": True},
            {
                "text": "Leaving at a fixed age, often 18, with preparation that starts too late.",
                "correct": True,
            },
            {
                "text": "The lack of the support network that children growing up with their families have.",
                "correct": True,
            },
            {"text": "Young people in care are less capable than their peers.", "correct": False},
            {
                "text": "Young people are involved too much in decisions about their own lives.",
                "correct": False,
            },
        ],
        "feedback": "Poor outcomes are not a consequence of who care leavers are but of what happens to them before, during and after care: a sudden move at a fixed age, a missing support network and the lack of national leaving care frameworks, which the Prepare for Leaving Care project found contributes significantly to poor outcomes.",
    },
    {
        "key": "rights-article-12",
        "kind": "single",
        "prompt": "What does article 12 of the UN Convention on the Rights of the Child require when decisions are made about a young person leaving care?",
        "choices": [
            {
                "text": "The young person can express their views freely, and those views are given due weight according to their age and maturity.",
                "correct": True,
            },
            {"text": "The young person decides alone once they are 16 or older.", "correct": False},
            {
                "text": "The young person is informed of the decision once it has been taken.",
                "correct": False,
            },
            {"text": "The young person is heard only if the case goes to court.", "correct": False},
        ],
        "feedback": "Article 12 gives every child who can form a view the right to express it freely in all matters affecting them, with due weight given according to age and maturity. It does not mean the child decides everything, but for a 16- or 17-year-old about to leave care, due weight is considerable.",
    },
    {
        "key": "young-expert-groups",
        "kind": "single",
        "prompt": "What made the Young Expert Groups of the Leaving Care project meaningful participation rather than tokenism?",
        "choices": [
            {
                "text": "Young people chose their own representatives, sat where project decisions were taken and assessed their own involvement at the end.",
                "correct": True,
            },
            {
                "text": "A young person was invited to speak at the opening of each national conference.",
                "correct": False,
            },
            {
                "text": "Young people filled in a satisfaction questionnaire after the project had ended.",
                "correct": False,
            },
            {
                "text": "Professionals selected the most confident young people to speak for the others.",
                "correct": False,
            },
        ],
        "feedback": "Young people in each national YEG selected two peers to represent them in the International YEG and the Project Steering Group, where decisions were made, and at the end they judged for themselves how far their input was reflected in the project's tools. One young person speaking at an opening is not participation.",
    },
    {
        "key": "participation-is-ongoing",
        "kind": "true_false",
        "prompt": "Meaningful participation means asking a young person for their view once, at the start of care planning.",
        "answer": False,
        "feedback": "Participation is an ongoing process, not a one-off event. Asking a young person once and never again is one of the most common ways participation fails; their views should be sought and taken into account every time decisions are made.",
    },
    {
        "key": "preparation-two-to-three-years",
        "kind": "single",
        "prompt": "According to young people with care experience, when should preparation for leaving care start?",
        "choices": [
            {"text": "Two to three years before they actually leave care.", "correct": True},
            {"text": "A few weeks before their eighteenth birthday.", "correct": False},
            {"text": "About six months before the planned leaving date.", "correct": False},
            {"text": "After they have moved out, when real problems appear.", "correct": False},
        ],
        "feedback": "In the Prepare for Leaving Care project, young people said they want to start preparing for the transition to independence two to three years before actually leaving alternative care. That gives time to learn skills, plan education, explore housing and build relationships while support is still close.",
    },
    {
        "key": "leaving-care-is-a-process",
        "kind": "true_false",
        "prompt": "A child-rights-based approach treats leaving care as a process that starts years before the move and continues well after it, not as an administrative event on a fixed date.",
        "answer": True,
        "feedback": "Care leavers describe independence as a process in which they can see how things are going and whether they are ready, and if they are not, they should at least have someone on their side so that they do not just stumble and fall.",
    },
    {
        "key": "gradual-independence",
        "kind": "single",
        "prompt": "Which approach best helps a young person in care build independence gradually?",
        "choices": [
            {
                "text": "Increasing responsibility in small, agreed steps, such as moving from a weekly food budget to a monthly budget, while support is still close.",
                "correct": True,
            },
            {
                "text": "Letting staff handle money and meals until the leaving date, so that the young person does not make costly mistakes.",
                "correct": False,
            },
            {
                "text": "Handing over full responsibility for a monthly budget at 17 and leaving the young person to cope.",
                "correct": False,
            },
            {
                "text": "Giving a life-skills lecture in the last month before the young person leaves.",
                "correct": False,
            },
        ],
        "feedback": "Life skills are best learnt by doing, with responsibility that grows step by step and is reviewed together. Mistakes made while the safety net is still there are part of learning: do it for them, then with them, then let them do it while you watch, then alone.",
    },
    {
        "key": "informal-support",
        "kind": "multiple",
        "prompt": "Which of the following are examples of informal support for a young person leaving care? Select all that apply.",
        "choices": [
            {"text": "A former foster family who invite them for holiday meals.", "correct": True},
            {"text": "A neighbour who helps them understand a rental contract.", "correct": True},
            {
                "text": "Another care leaver they met through a peer support platform.",
                "correct": True,
            },
            {"text": "The local employment office.", "correct": False},
            {"text": "A housing programme run by the local authority.", "correct": False},
        ],
        "feedback": "Informal support comes from people in the young person's life, such as relatives, friends, peers, neighbours and mentors; formal support comes from professionals and services. Formal support usually ends at a certain age or when a programme closes, while informal support can last.",
    },
    {
        "key": "mentor-role",
        "kind": "single",
        "prompt": "Which description best fits the role of a mentor for a young person leaving care?",
        "choices": [
            {
                "text": "A trusted adult who spends time with the young person regularly, listens and helps them think through decisions.",
                "correct": True,
            },
            {
                "text": "A second social worker who keeps a case file and reports on the young person's progress.",
                "correct": False,
            },
            {
                "text": "A volunteer who makes decisions for the young person when staff are not available.",
                "correct": False,
            },
            {
                "text": "An employer who guarantees the young person a job after they leave care.",
                "correct": False,
            },
        ],
        "feedback": "A mentor is not a social worker: they do not hold a case file or make decisions about the young person, which is why the relationship can feel different. Mentors from companies can open doors to work experience, but the core of mentoring is time, listening and trust.",
    },
    {
        "key": "inter-agency-working",
        "kind": "single",
        "prompt": "A young person leaving care will need housing, an income and counselling from several agencies. What does effective inter-agency work look like?",
        "choices": [
            {
                "text": "One joint plan agreed with the young person, one professional who coordinates it, and the move to adult services planned well before the eighteenth birthday.",
                "correct": True,
            },
            {
                "text": "Each agency assesses the young person separately with its own forms, so that nothing is missed.",
                "correct": False,
            },
            {
                "text": "Child protection closes the case at 18, and adult services take over once the young person applies to them.",
                "correct": False,
            },
            {
                "text": "Agencies share all information about the young person freely, without asking for consent.",
                "correct": False,
            },
        ],
        "feedback": "No single service can meet all of a care leaver's needs, so agencies should agree one joint plan, use shared tools, share information safely and with the young person's consent, and name one coordinator. Planning the transition to adult services before 18 prevents the gap in which support ends before the next service starts.",
    },
    # ------------------------------------------------------------------
    # Pre-test and post-test: attitudes
    # ------------------------------------------------------------------
    {
        "key": "attitude-say-in-leaving-date",
        "kind": "likert",
        "prompt": "Young people should have a say in decisions about when they leave care.",
        "reverse_scored": False,
        "feedback": "Leaving care is one of the matters that affect young people most, so under article 12 their views on its timing must be heard and given due weight.",
    },
    {
        "key": "attitude-professionals-know-best",
        "kind": "likert",
        "prompt": "Professionals know best what a young person needs; asking them slows the work down.",
        "reverse_scored": True,
        "feedback": "Young people are experts in their own lives. Professionals know the system, young people know what living in care is like and what they fear about leaving, and good decisions need both kinds of knowledge.",
    },
    {
        "key": "attitude-safe-mistakes",
        "kind": "likert",
        "prompt": "Young people in care should be allowed to make mistakes while they practise living independently.",
        "reverse_scored": False,
        "feedback": "Mistakes made while support is still close are part of learning; a young person who runs out of money in a training budget learns something that costs far more to learn alone at 19.",
    },
    {
        "key": "attitude-after-leaving",
        "kind": "likert",
        "prompt": "Once a young person has left care, what happens to them is no longer the concern of the service that cared for them.",
        "reverse_scored": True,
        "feedback": "Leaving care continues well after the move. Follow-up contact and knowing they can come back for advice are part of making a young person's rights real after 18.",
    },
    {
        "key": "attitude-lasting-relationships",
        "kind": "likert",
        "prompt": "Helping a young person build lasting personal relationships is as important as arranging formal services for them.",
        "reverse_scored": False,
        "feedback": "Care leavers lack the support network that families give. Formal services usually end at a certain age; relationships with people who matter can last.",
    },
    # ------------------------------------------------------------------
    # Knowledge check: module 1
    # ------------------------------------------------------------------
    {
        "key": "m1-best-interests",
        "kind": "single",
        "prompt": "Under article 3 of the UN Convention on the Rights of the Child, what must be a primary consideration in decisions about when and how a young person leaves care?",
        "choices": [
            {"text": "The best interests of the young person.", "correct": True},
            {"text": "The budget available to the service.", "correct": False},
            {"text": "The leaving age set in the service's rules.", "correct": False},
            {"text": "The wishes of the young person's carers.", "correct": False},
        ],
        "feedback": "Article 3 makes the best interests of the child a primary consideration in all decisions affecting them, including the timing and manner of leaving care. Budgets and rules matter, but they cannot replace an assessment of what is best for this young person.",
    },
    {
        "key": "m1-rights-based-practice",
        "kind": "multiple",
        "prompt": "A young person's preparation plan is being reviewed. Which practices reflect the principles of a child-rights-based approach? Select all that apply.",
        "choices": [
            {
                "text": "Building on what the young person can already do and on the resources around them.",
                "correct": True,
            },
            {
                "text": "Adapting the plan when the young person's needs or circumstances change.",
                "correct": True,
            },
            {
                "text": "Explaining a decision to the young person before it is taken.",
                "correct": True,
            },
            {
                "text": "Giving every young person the same standard package, so that everyone is treated equally.",
                "correct": False,
            },
            {
                "text": "Focusing the review on the young person's problems and deficits.",
                "correct": False,
            },
        ],
        "feedback": "A child-rights-based approach is strength-based, responsive and flexible, respectful and tailored to each young person. Care leavers asked for flexibility and tailor-made responses, not one standard path for everyone.",
    },
    {
        "key": "m1-living-parents",
        "kind": "true_false",
        "prompt": "Most children in alternative care in Central and Eastern Europe have no living parents.",
        "answer": False,
        "feedback": "Most children in alternative care in the region have one or two living parents, and in many cases placement could have been avoided with the right family support. Poverty, other social stress factors and discrimination remain major reasons for placement.",
    },
    # ------------------------------------------------------------------
    # Knowledge check: module 2
    # ------------------------------------------------------------------
    {
        "key": "m2-due-weight",
        "kind": "single",
        "prompt": "A 17-year-old disagrees with the leaving date proposed in her care plan. What does article 12 ask of the professionals?",
        "choices": [
            {
                "text": "To hear her view and give it due weight, and, if the decision goes against her wish, to explain why and record her view next to the decision.",
                "correct": True,
            },
            {
                "text": "To change the date, because under article 12 the young person decides.",
                "correct": False,
            },
            {
                "text": "To keep the date without discussion, because leaving dates are an administrative matter.",
                "correct": False,
            },
            {
                "text": "To inform her of the final decision in writing after the meeting.",
                "correct": False,
            },
        ],
        "feedback": "Article 12 does not hand the decision to the young person, but it requires that her view is heard and given due weight, which for a 17-year-old is considerable. When a decision goes against her wish, explaining why and recording her view is part of respecting that right.",
    },
    {
        "key": "m2-planning-meeting",
        "kind": "multiple",
        "prompt": "Which steps help a young person take a real part in a planning meeting? Select all that apply.",
        "choices": [
            {
                "text": "Meeting them beforehand to explain the purpose of the meeting, who will attend and what will be decided.",
                "correct": True,
            },
            {"text": "Starting the meeting with the young person's own view.", "correct": True},
            {
                "text": "Asking whether they want someone they trust to come with them.",
                "correct": True,
            },
            {
                "text": "Starting with the professionals' reports, so that the young person hears the facts first.",
                "correct": False,
            },
            {
                "text": "Holding the meeting during school hours, when all the professionals are available.",
                "correct": False,
            },
        ],
        "feedback": "Preparing the young person beforehand, starting with their view, avoiding jargon and letting them bring a trusted person make participation real. Starting with reports about them, or meeting at times that suit only adults, turns the meeting into adults talking about a young person in their presence.",
    },
    {
        "key": "m2-include-marginalised",
        "kind": "true_false",
        "prompt": "Young people with disabilities, young people from ethnic minorities and refugee young people often have fewer opportunities to be heard, so specific action is needed to include them.",
        "answer": True,
        "feedback": "Meaningful participation includes everyone. Vulnerable, marginalised or disadvantaged young people often have fewer chances to be heard, so services need to adapt information, meetings and support so that they can take part too.",
    },
    # ------------------------------------------------------------------
    # Knowledge check: module 3
    # ------------------------------------------------------------------
    {
        "key": "m3-readiness",
        "kind": "multiple",
        "prompt": "Readiness for leaving care has several dimensions. Which of the following are part of it? Select all that apply.",
        "choices": [
            {
                "text": "Practical skills, such as cooking, budgeting and dealing with offices.",
                "correct": True,
            },
            {"text": "Emotional resilience.", "correct": True},
            {
                "text": "A safe place to live and an income, or a realistic plan for them.",
                "correct": True,
            },
            {"text": "People the young person can turn to.", "correct": True},
            {"text": "Having reached the age of 18.", "correct": False},
        ],
        "feedback": "A leaving date set only by age says nothing about readiness. A young person can be ready in some areas and not in others, so readiness is assessed together with them and the plan is adapted when they are not yet ready.",
    },
    {
        "key": "m3-preparation-plan",
        "kind": "single",
        "prompt": "Which description fits a good preparation plan for leaving care?",
        "choices": [
            {
                "text": "Written with the young person in language they understand, covering their own goals, housing, education or work, income, health and support network, and reviewed regularly.",
                "correct": True,
            },
            {
                "text": "Written by the key worker when the young person is 17 and kept in the file until the leaving date.",
                "correct": False,
            },
            {
                "text": "The same standard plan for every young person in the service, to make sure all are treated fairly.",
                "correct": False,
            },
            {
                "text": "Focused on housing only, because other needs can be dealt with after the young person has left.",
                "correct": False,
            },
        ],
        "feedback": "A preparation plan is owned by the young person, responds to their individual needs and wishes, names who is responsible for each action, and is reviewed and changed as their life changes.",
    },
    {
        "key": "m3-doing-for-them",
        "kind": "true_false",
        "prompt": "Doing everyday tasks such as cooking and paying bills for young people is the best way to prepare them for leaving care, because it shows that staff care about them.",
        "answer": False,
        "feedback": "Doing things for young people is quicker and feels caring, but it does not prepare them. Carers step back gradually: do it for them, then with them, then let them do it while you watch, then let them do it alone.",
    },
    # ------------------------------------------------------------------
    # Knowledge check: module 4
    # ------------------------------------------------------------------
    {
        "key": "m4-network-map",
        "kind": "single",
        "prompt": "What is the main purpose of mapping a support network with a young person before they leave care?",
        "choices": [
            {
                "text": "To make visible the people who matter to them, what help each could give, and the gaps that can still be filled before they leave.",
                "correct": True,
            },
            {
                "text": "To find out which relatives are legally obliged to support them after 18.",
                "correct": False,
            },
            {
                "text": "To decide on the young person's behalf which family contacts they may keep.",
                "correct": False,
            },
            {"text": "To complete the case file before it is closed.", "correct": False},
        ],
        "feedback": "A network map places the young person at the centre and shows family, friends and peers, professionals and community. It often reveals people the professional did not know about and gaps that can be filled while there is still time.",
    },
    {
        "key": "m4-youthlinks",
        "kind": "multiple",
        "prompt": "What did the YouthLinks platform offer care leavers in the Leaving Care project? Select all that apply.",
        "choices": [
            {
                "text": "Peer-to-peer support from other young people with care experience.",
                "correct": True,
            },
            {
                "text": "Coaching and mentoring by care professionals and volunteers from companies.",
                "correct": True,
            },
            {"text": "Practical tools and networking opportunities.", "correct": True},
            {"text": "A guaranteed flat for every young person who registered.", "correct": False},
            {
                "text": "An online replacement for the young person's social worker.",
                "correct": False,
            },
        ],
        "feedback": "YouthLinks was implemented in five project countries to build a support network that improves care leavers' access to social rights. It works best when someone the young person trusts introduces it and is present on it too.",
    },
    {
        "key": "m4-family-of-origin",
        "kind": "true_false",
        "prompt": "Because care leavers lack a family network, professionals should encourage every young person leaving care to renew contact with their family of origin.",
        "answer": False,
        "feedback": "For some young people family can be a source of support after care; for others it can be a risk. The decision belongs with the young person, informed by an honest assessment of safety.",
    },
    # ------------------------------------------------------------------
    # Knowledge check: module 5 (for young people)
    # ------------------------------------------------------------------
    {
        "key": "youth-rights-after-18",
        "kind": "true_false",
        "prompt": "When you turn 18 and leave care, you lose your right to be heard and to get the support you are entitled to.",
        "answer": False,
        "feedback": "Turning 18 does not take your rights away. You still have the right to be treated with respect and fairness, to say what you think and to get the support you are entitled to, so ask what exists where you live.",
    },
    {
        "key": "youth-not-ready",
        "kind": "single",
        "prompt": "Your leaving date is getting close and you do not feel ready. What can you do?",
        "choices": [
            {
                "text": "Say so, and ask for more time or more support. You have the right to ask.",
                "correct": True,
            },
            {
                "text": "Keep quiet, because the date is fixed and asking would only cause trouble.",
                "correct": False,
            },
            {"text": "Move out earlier, so that you get used to it faster.", "correct": False},
            {
                "text": "Wait until you have moved out, and ask for help only if things go wrong.",
                "correct": False,
            },
        ],
        "feedback": "Being ready is not only about your age. If you do not feel ready, tell your social worker or case manager and ask for your plan to be looked at again. Asking questions is not being difficult: it is using your rights.",
    },
    {
        "key": "youth-rental-contract",
        "kind": "multiple",
        "prompt": "You have found a flat to rent. What should you do before you sign the contract? Choose all the right answers.",
        "choices": [
            {
                "text": "Read the whole contract and ask someone you trust to read it too.",
                "correct": True,
            },
            {
                "text": "Check how much the rent is, what it includes and how big the deposit is.",
                "correct": True,
            },
            {
                "text": "Find out how the bills for electricity, water and heating are paid.",
                "correct": True,
            },
            {"text": "Sign quickly, before someone else takes the flat.", "correct": False},
            {"text": "Pay the deposit in cash without asking for a receipt.", "correct": False},
        ],
        "feedback": "A contract is a promise you will have to keep, so take your time. Knowing the full cost, including bills and the deposit, helps you make a budget that works, and taking photos of the flat on the day you move in protects you later.",
    },
    # ------------------------------------------------------------------
    # Knowledge check: module 6 (for trainers)
    # ------------------------------------------------------------------
    {
        "key": "trainer-cascade-dilution",
        "kind": "single",
        "prompt": "What is the main risk of a training cascade, and how can you protect against it?",
        "choices": [
            {
                "text": "The message can become thinner at each step; use the materials as designed, keep the core messages and adapt examples rather than principles.",
                "correct": True,
            },
            {
                "text": "Trainers know their local system too well; use only international examples.",
                "correct": False,
            },
            {
                "text": "Too many professionals are trained at once; limit sessions to managers.",
                "correct": False,
            },
            {
                "text": "Group work takes too long; replace exercises with a lecture so that all content is covered.",
                "correct": False,
            },
        ],
        "feedback": "A two-day training delivered as a two-hour lecture will not change practice. Keeping the interactive exercises and the core messages (participation, preparation two to three years ahead, support networks, flexibility and respect) protects the quality of the training at every step of the cascade.",
    },
    {
        "key": "trainer-difficult-moments",
        "kind": "multiple",
        "prompt": "During a session, a participant defends a practice that does not respect young people's rights, and the discussion becomes emotional. Which responses fit the guidance for trainers? Select all that apply.",
        "choices": [
            {"text": "Acknowledge feelings and do not force anyone to share.", "correct": True},
            {"text": "Ask questions and bring in the quotes from young people.", "correct": True},
            {"text": "Let the group work through the disagreement.", "correct": True},
            {
                "text": "Correct the participant firmly in front of the group, so that the others learn.",
                "correct": False,
            },
            {
                "text": "Move on to the next topic straight away to avoid conflict.",
                "correct": False,
            },
        ],
        "feedback": "Leaving care touches on loss and sometimes on participants' own childhood. Shaming participants closes the discussion; questions, young people's own words and the group's reflection are more likely to change views.",
    },
    {
        "key": "trainer-young-expert-story",
        "kind": "true_false",
        "prompt": "A young expert who co-facilitates a session should be expected to tell their personal story of care, because that is what participants learn most from.",
        "answer": False,
        "feedback": "Young experts are co-facilitators, not case studies. Agree in advance what they are willing to share and what is off limits, agree a signal to stop, and let them decide how much of their own story to tell.",
    },
    # ------------------------------------------------------------------
    # Course evaluation (a survey: every option counts as an answer)
    # ------------------------------------------------------------------
    {
        "key": "eval-change-practice",
        "kind": "likert",
        "prompt": "The course will change how I prepare young people for leaving care.",
        "reverse_scored": False,
        "feedback": "Your answer helps trainers and the National Steering Group see whether the training leads to change in practice, not only whether it was liked.",
    },
    {
        "key": "eval-quotes-helped",
        "kind": "likert",
        "prompt": "The quotes from young people helped me understand their view.",
        "reverse_scored": False,
        "feedback": "Young people's own words are at the heart of the course; your answer tells us whether they came across.",
    },
    {
        "key": "eval-relevant",
        "kind": "likert",
        "prompt": "The course was relevant to my work with young people leaving care.",
        "reverse_scored": False,
        "feedback": "Relevance shows whether the examples and tools fit the services in your country, and where they need adapting.",
    },
    {
        "key": "eval-confident-involving",
        "kind": "likert",
        "prompt": "I feel more confident involving young people in decisions about their future.",
        "reverse_scored": False,
        "feedback": "Confidence in involving young people is a first step towards making the right to be heard real in everyday practice.",
    },
    {
        "key": "eval-recommend",
        "kind": "likert",
        "prompt": "I would recommend this course to colleagues in other services.",
        "reverse_scored": False,
        "feedback": "Recommendations help the National Steering Group plan where the training should go next.",
    },
    {
        "key": "eval-how-much-use",
        "kind": "single",
        "prompt": "How much of the course will you use in your work?",
        "choices": [
            {"text": "Most of it", "correct": False},
            {"text": "About half of it", "correct": False},
            {"text": "A little of it", "correct": False},
            {"text": "None of it", "correct": False},
        ],
        # An opinion question: no option is correct, so it is stored, not scored.
        "feedback": "There is no right or wrong answer. If you will use little of the course, please tell your trainer what stands in the way: these obstacles are valuable evidence for national policy recommendations.",
    },
]

_PRE_POST_QUESTIONS = [
    "rights-holders-and-duty-bearers",
    "rights-in-alternative-care",
    "why-outcomes-are-poor",
    "rights-article-12",
    "young-expert-groups",
    "participation-is-ongoing",
    "preparation-two-to-three-years",
    "leaving-care-is-a-process",
    "gradual-independence",
    "informal-support",
    "mentor-role",
    "inter-agency-working",
    "attitude-say-in-leaving-date",
    "attitude-professionals-know-best",
    "attitude-safe-mistakes",
    "attitude-after-leaving",
    "attitude-lasting-relationships",
]

ASSESSMENTS = [
    {
        "key": "course-pre-test",
        "kind": "pre_test",
        "title": "Course pre-test: where you start",
        "introduction": "Answer these questions before you begin the course. There is no pass mark: your answers show what you already know, so that you can see what you have learnt when you answer the same questions again at the end.",
        "module": None,
        "pass_mark": None,
        "attempts_allowed": 1,
        "questions": list(_PRE_POST_QUESTIONS),
    },
    {
        "key": "course-post-test",
        "kind": "post_test",
        "title": "Course post-test: what you have learnt",
        "introduction": "Answer the same questions again now that you have completed the course. You pass with 70% of the knowledge questions right, and you have two attempts.",
        "module": None,
        "pass_mark": 70,
        "attempts_allowed": 2,
        # The course is complete only once this is passed (online or on paper).
        "required_for_completion": True,
        "questions": list(_PRE_POST_QUESTIONS),
    },
    {
        "key": "check-childrens-rights-and-leaving-care",
        "kind": "knowledge_check",
        "title": "Knowledge check: children's rights and the leaving-care process",
        "introduction": "Three short questions on children's rights and the leaving-care process. You can try as many times as you like, and the feedback explains each answer.",
        "module": "childrens-rights-and-leaving-care",
        "pass_mark": 60,
        "attempts_allowed": 0,
        "questions": ["m1-best-interests", "m1-rights-based-practice", "m1-living-parents"],
    },
    {
        "key": "check-participation-listening-to-young-people",
        "kind": "knowledge_check",
        "title": "Knowledge check: participation",
        "introduction": "Three short questions on the right to be heard and on participation in care planning. You can try as many times as you like, and the feedback explains each answer.",
        "module": "participation-listening-to-young-people",
        "pass_mark": 60,
        "attempts_allowed": 0,
        "questions": ["m2-due-weight", "m2-planning-meeting", "m2-include-marginalised"],
    },
    {
        "key": "check-preparing-early",
        "kind": "knowledge_check",
        "title": "Knowledge check: preparing early",
        "introduction": "Three short questions on readiness, preparation plans and gradual independence. You can try as many times as you like, and the feedback explains each answer.",
        "module": "preparing-early",
        "pass_mark": 60,
        "attempts_allowed": 0,
        "questions": ["m3-readiness", "m3-preparation-plan", "m3-doing-for-them"],
    },
    {
        "key": "check-building-support-networks",
        "kind": "knowledge_check",
        "title": "Knowledge check: building support networks",
        "introduction": "Three short questions on network mapping, peer support and contact with family. You can try as many times as you like, and the feedback explains each answer.",
        "module": "building-support-networks",
        "pass_mark": 60,
        "attempts_allowed": 0,
        "questions": ["m4-network-map", "m4-youthlinks", "m4-family-of-origin"],
    },
    {
        "key": "check-your-move-guide-for-young-people",
        "kind": "knowledge_check",
        "title": "Check what you know: your move",
        "introduction": "Three quick questions about your rights, getting ready to leave and renting a flat. It is not an exam: try as many times as you like.",
        "module": "your-move-guide-for-young-people",
        "pass_mark": 60,
        "attempts_allowed": 0,
        "questions": ["youth-rights-after-18", "youth-not-ready", "youth-rental-contract"],
    },
    {
        "key": "check-running-the-national-training",
        "kind": "knowledge_check",
        "title": "Knowledge check for trainers: running the national training",
        "introduction": "Three questions on the training cascade, difficult moments in sessions and co-facilitating with young experts. You can try as many times as you like.",
        "module": "running-the-national-training",
        "pass_mark": 60,
        "attempts_allowed": 0,
        "questions": [
            "trainer-cascade-dilution",
            "trainer-difficult-moments",
            "trainer-young-expert-story",
        ],
    },
    {
        "key": "course-evaluation",
        "kind": "evaluation",
        "title": "Course evaluation",
        "introduction": "Tell us what you think of the course and how you will use it. Your answers help trainers and the National Steering Group improve the training and plan what comes next.",
        "module": None,
        "pass_mark": None,
        "attempts_allowed": 1,
        "questions": [
            "eval-change-practice",
            "eval-quotes-helped",
            "eval-relevant",
            "eval-confident-involving",
            "eval-recommend",
            "eval-how-much-use",
        ],
    },
]

BG = {
    # rights-holders-and-duty-bearers
    "In a child-rights-based approach, how is a young person who is leaving care seen?": "Как се разглежда младият човек, който напуска грижа, при подхода, основан на правата на детето?",
    "As a rights-holder, with the professionals, services and authorities around them as duty-bearers.": "Като носител на права, а професионалистите, услугите и органите около него – като носители на задължения.",
    "As a case that is closed when the protection measure ends.": "Като случай, който се приключва, когато мярката за закрила бъде прекратена.",
    "As a beneficiary who receives whichever services happen to be available.": "Като получател на услугите, които случайно са налични.",
    "As a recipient whose main duty is to follow the plan that professionals have made.": "Като получател, чието основно задължение е да следва плана, изготвен от професионалистите.",
    "A child-rights-based approach sees the young person as a rights-holder and the professionals, services and state as duty-bearers who must respect, protect and fulfil their rights. The question becomes what the young person is entitled to, not only what the service offers.": "Подходът, основан на правата на детето, разглежда младия човек като носител на права, а професионалистите, услугите и държавата – като носители на задължения, които трябва да зачитат, защитават и осъществяват правата му. Въпросът става на какво има право младият човек, а не само какво предлага услугата.",
    # rights-in-alternative-care
    "Young people in alternative care have fewer rights under the UN Convention on the Rights of the Child than children who live with their families.": "Младите хора в алтернативна грижа имат по-малко права по Конвенцията на ООН за правата на детето от децата, които живеят със семействата си.",
    "The Convention applies to every child, including every child in alternative care. Living in care takes none of a child's rights away, and the duty of professionals is to make those rights real before, during and after care.": "Конвенцията се прилага за всяко дете, включително за всяко дете в алтернативна грижа. Животът в грижа не отнема нито едно от правата на детето, а задължението на професионалистите е да направят тези права реални преди, по време на и след грижата.",
    # why-outcomes-are-poor
    "Which of the following help to explain why outcomes for care leavers are often poor? Select all that apply.": "Кои от следните обясняват защо резултатите за младежите, напускащи грижа, често са лоши? Изберете всички верни отговори.",
    "The lack of national leaving care frameworks.": "Липсата на национални рамки за напускане на грижа.",
    "Leaving at a fixed age, often 18, with preparation that starts too late.": "Напускането на определена възраст, често на 18 години, с подготовка, която започва твърде късно.",
    "The lack of the support network that children growing up with their families have.": "Липсата на мрежата от подкрепа, която имат децата, израснали в семействата си.",
    "Young people in care are less capable than their peers.": "Младите хора в грижа са по-малко способни от връстниците си.",
    "Young people are involved too much in decisions about their own lives.": "Младите хора участват твърде много във вземането на решения за собствения си живот.",
    "Poor outcomes are not a consequence of who care leavers are but of what happens to them before, during and after care: a sudden move at a fixed age, a missing support network and the lack of national leaving care frameworks, which the Prepare for Leaving Care project found contributes significantly to poor outcomes.": "Лошите резултати не се дължат на това кои са младежите, напускащи грижа, а на това, което им се случва преди, по време на и след грижата: внезапно преместване на определена възраст, липсваща мрежа от подкрепа и липса на национални рамки за напускане на грижа, за която проектът „Подготовка за напускане на грижа“ установи, че допринася значително за лошите резултати.",
    # rights-article-12
    "What does article 12 of the UN Convention on the Rights of the Child require when decisions are made about a young person leaving care?": "Какво изисква член 12 от Конвенцията на ООН за правата на детето, когато се вземат решения за напускането на грижа от младия човек?",
    "The young person can express their views freely, and those views are given due weight according to their age and maturity.": "Младият човек може свободно да изразява възгледите си и на тях се придава значение според неговата възраст и зрялост.",
    "The young person decides alone once they are 16 or older.": "Младият човек решава сам, след като навърши 16 години.",
    "The young person is informed of the decision once it has been taken.": "Младият човек бива информиран за решението, след като то вече е взето.",
    "The young person is heard only if the case goes to court.": "Младият човек се изслушва само ако случаят стигне до съда.",
    "Article 12 gives every child who can form a view the right to express it freely in all matters affecting them, with due weight given according to age and maturity. It does not mean the child decides everything, but for a 16- or 17-year-old about to leave care, due weight is considerable.": "Член 12 дава на всяко дете, което е в състояние да формира собствени възгледи, правото да ги изразява свободно по всички въпроси, които го засягат, като на тях се придава значение според възрастта и зрялостта му. Това не означава, че детето решава всичко, но за 16- или 17-годишен младеж, който скоро ще напусне грижа, това значение е голямо.",
    # young-expert-groups
    "What made the Young Expert Groups of the Leaving Care project meaningful participation rather than tokenism?": "Какво превърна Младежките експертни групи в проекта „Напускане на грижа“ в пълноценно участие, а не в символично присъствие?",
    "Young people chose their own representatives, sat where project decisions were taken and assessed their own involvement at the end.": "Младите хора сами избираха своите представители, участваха там, където се вземаха решенията по проекта, и в края сами оцениха своето участие.",
    "A young person was invited to speak at the opening of each national conference.": "На откриването на всяка национална конференция беше поканен да говори по един млад човек.",
    "Young people filled in a satisfaction questionnaire after the project had ended.": "Младите хора попълниха анкета за удовлетвореност след приключването на проекта.",
    "Professionals selected the most confident young people to speak for the others.": "Професионалистите избраха най-уверените млади хора, които да говорят от името на останалите.",
    "Young people in each national YEG selected two peers to represent them in the International YEG and the Project Steering Group, where decisions were made, and at the end they judged for themselves how far their input was reflected in the project's tools. One young person speaking at an opening is not participation.": "Младите хора от всяка национална Младежка експертна група избраха двама връстници, които да ги представляват в Международната младежка експертна група и в Ръководната група на проекта, където се вземаха решенията, а в края сами прецениха доколко приносът им е отразен в инструментите на проекта. Един млад човек, който говори на откриване, не е участие.",
    # participation-is-ongoing
    "Meaningful participation means asking a young person for their view once, at the start of care planning.": "Пълноценното участие означава младият човек да бъде попитан за мнението си веднъж, в началото на планирането на грижата.",
    "Participation is an ongoing process, not a one-off event. Asking a young person once and never again is one of the most common ways participation fails; their views should be sought and taken into account every time decisions are made.": "Участието е непрекъснат процес, а не еднократно събитие. Да попиташ младия човек веднъж и никога повече е един от най-честите начини участието да се провали; мнението му трябва да се търси и да се взема предвид всеки път, когато се вземат решения.",
    # preparation-two-to-three-years
    "According to young people with care experience, when should preparation for leaving care start?": "Според младите хора с опит в грижата кога трябва да започне подготовката за напускане на грижа?",
    "Two to three years before they actually leave care.": "Две до три години преди действително да напуснат грижата.",
    "A few weeks before their eighteenth birthday.": "Няколко седмици преди осемнадесетия им рожден ден.",
    "About six months before the planned leaving date.": "Около шест месеца преди планираната дата на напускане.",
    "After they have moved out, when real problems appear.": "След като се изнесат, когато се появят истинските проблеми.",
    "In the Prepare for Leaving Care project, young people said they want to start preparing for the transition to independence two to three years before actually leaving alternative care. That gives time to learn skills, plan education, explore housing and build relationships while support is still close.": "В проекта „Подготовка за напускане на грижа“ младите хора казаха, че искат да започнат подготовката си за прехода към самостоятелност две до три години преди действително да напуснат алтернативната грижа. Така има време да научат умения, да планират образованието си, да проучат възможностите за жилище и да изградят взаимоотношения, докато подкрепата все още е наблизо.",
    # leaving-care-is-a-process
    "A child-rights-based approach treats leaving care as a process that starts years before the move and continues well after it, not as an administrative event on a fixed date.": "Подходът, основан на правата на детето, разглежда напускането на грижа като процес, който започва години преди преместването и продължава дълго след него, а не като административно събитие на определена дата.",
    "Care leavers describe independence as a process in which they can see how things are going and whether they are ready, and if they are not, they should at least have someone on their side so that they do not just stumble and fall.": "Младежите, напуснали грижа, описват самостоятелността като процес, в който могат да видят как вървят нещата и дали са готови, а ако не са, поне да имат някого до себе си, за да не се спънат и да паднат просто така.",
    # gradual-independence
    "Which approach best helps a young person in care build independence gradually?": "Кой подход помага най-добре на младия човек в грижа да изгражда самостоятелност постепенно?",
    "Increasing responsibility in small, agreed steps, such as moving from a weekly food budget to a monthly budget, while support is still close.": "Постепенно увеличаване на отговорността с малки, договорени стъпки, например от седмичен бюджет за храна към месечен бюджет, докато подкрепата все още е наблизо.",
    "Letting staff handle money and meals until the leaving date, so that the young person does not make costly mistakes.": "Служителите да се грижат за парите и храната до датата на напускане, за да не допусне младият човек скъпи грешки.",
    "Handing over full responsibility for a monthly budget at 17 and leaving the young person to cope.": "Пълна отговорност за месечен бюджет на 17 години, като младият човек се оставя да се справя сам.",
    "Giving a life-skills lecture in the last month before the young person leaves.": "Лекция за житейски умения през последния месец преди младият човек да напусне.",
    "Life skills are best learnt by doing, with responsibility that grows step by step and is reviewed together. Mistakes made while the safety net is still there are part of learning: do it for them, then with them, then let them do it while you watch, then alone.": "Житейските умения се научават най-добре чрез правене, с отговорност, която расте стъпка по стъпка и се преглежда заедно. Грешките, допуснати, докато предпазната мрежа все още е там, са част от ученето: първо го направете вместо тях, после заедно с тях, после ги оставете да го направят, докато наблюдавате, и накрая – сами.",
    # informal-support
    "Which of the following are examples of informal support for a young person leaving care? Select all that apply.": "Кои от следните са примери за неформална подкрепа за млад човек, който напуска грижа? Изберете всички верни отговори.",
    "A former foster family who invite them for holiday meals.": "Бивше приемно семейство, което го кани на празничен обяд.",
    "A neighbour who helps them understand a rental contract.": "Съсед, който му помага да разбере договор за наем.",
    "Another care leaver they met through a peer support platform.": "Друг младеж, напуснал грижа, с когото се е запознал чрез платформа за подкрепа от връстници.",
    "The local employment office.": "Местното бюро по труда.",
    "A housing programme run by the local authority.": "Жилищна програма на местната власт.",
    "Informal support comes from people in the young person's life, such as relatives, friends, peers, neighbours and mentors; formal support comes from professionals and services. Formal support usually ends at a certain age or when a programme closes, while informal support can last.": "Неформалната подкрепа идва от хората в живота на младия човек – роднини, приятели, връстници, съседи и ментори, а формалната – от професионалисти и услуги. Формалната подкрепа обикновено свършва на определена възраст или когато програмата приключи, докато неформалната може да продължи.",
    # mentor-role
    "Which description best fits the role of a mentor for a young person leaving care?": "Кое описание най-добре отговаря на ролята на ментора за млад човек, който напуска грижа?",
    "A trusted adult who spends time with the young person regularly, listens and helps them think through decisions.": "Възрастен, на когото младият човек има доверие, който редовно прекарва време с него, изслушва го и му помага да обмисля решенията си.",
    "A second social worker who keeps a case file and reports on the young person's progress.": "Втори социален работник, който води досие и докладва за напредъка на младия човек.",
    "A volunteer who makes decisions for the young person when staff are not available.": "Доброволец, който взема решения вместо младия човек, когато служителите не са на разположение.",
    "An employer who guarantees the young person a job after they leave care.": "Работодател, който гарантира на младия човек работа, след като напусне грижата.",
    "A mentor is not a social worker: they do not hold a case file or make decisions about the young person, which is why the relationship can feel different. Mentors from companies can open doors to work experience, but the core of mentoring is time, listening and trust.": "Менторът не е социален работник: той не води досие и не взема решения за младия човек и именно затова взаимоотношението може да се усеща различно. Менторите от компании могат да отворят врати към стаж и работа, но в основата на менторството са времето, изслушването и доверието.",
    # inter-agency-working
    "A young person leaving care will need housing, an income and counselling from several agencies. What does effective inter-agency work look like?": "Млад човек, който напуска грижа, ще има нужда от жилище, доход и консултиране от няколко институции. Как изглежда ефективното междуинституционално сътрудничество?",
    "One joint plan agreed with the young person, one professional who coordinates it, and the move to adult services planned well before the eighteenth birthday.": "Един общ план, договорен с младия човек, един професионалист, който го координира, и преход към услугите за възрастни, планиран доста преди осемнадесетия рожден ден.",
    "Each agency assesses the young person separately with its own forms, so that nothing is missed.": "Всяка институция оценява младия човек поотделно със собствени формуляри, за да не се пропусне нищо.",
    "Child protection closes the case at 18, and adult services take over once the young person applies to them.": "Закрилата на детето приключва случая на 18 години, а услугите за възрастни поемат, след като младият човек подаде заявление при тях.",
    "Agencies share all information about the young person freely, without asking for consent.": "Институциите обменят свободно цялата информация за младия човек, без да искат съгласието му.",
    "No single service can meet all of a care leaver's needs, so agencies should agree one joint plan, use shared tools, share information safely and with the young person's consent, and name one coordinator. Planning the transition to adult services before 18 prevents the gap in which support ends before the next service starts.": "Никоя отделна услуга не може да посрещне всички потребности на младия човек, напускащ грижа, затова институциите трябва да договорят един общ план, да използват общи инструменти, да обменят информация безопасно и със съгласието на младия човек и да определят един координатор. Планирането на прехода към услугите за възрастни преди 18 години предотвратява празнината, в която подкрепата свършва, преди следващата услуга да е започнала.",
    # attitude-say-in-leaving-date
    "Young people should have a say in decisions about when they leave care.": "Младите хора трябва да имат думата при решенията кога да напуснат грижата.",
    "Leaving care is one of the matters that affect young people most, so under article 12 their views on its timing must be heard and given due weight.": "Напускането на грижа е един от въпросите, които засягат младите хора най-силно, затова според член 12 мнението им за момента на напускане трябва да бъде чуто и да му се придаде значение.",
    # attitude-professionals-know-best
    "Professionals know best what a young person needs; asking them slows the work down.": "Професионалистите знаят най-добре от какво се нуждае младият човек; да го питаме, само забавя работата.",
    "Young people are experts in their own lives. Professionals know the system, young people know what living in care is like and what they fear about leaving, and good decisions need both kinds of knowledge.": "Младите хора са експерти в собствения си живот. Професионалистите познават системата, а младите хора знаят какво е да живееш в грижа и какво ги плаши при напускането ѝ – за добрите решения са нужни и двата вида знание.",
    # attitude-safe-mistakes
    "Young people in care should be allowed to make mistakes while they practise living independently.": "На младите хора в грижа трябва да се позволява да грешат, докато се упражняват да живеят самостоятелно.",
    "Mistakes made while support is still close are part of learning; a young person who runs out of money in a training budget learns something that costs far more to learn alone at 19.": "Грешките, допуснати, докато подкрепата е наблизо, са част от ученето; младият човек, на когото парите от тренировъчния бюджет не стигат, научава нещо, което би му струвало много повече, ако трябва да го научи сам на 19 години.",
    # attitude-after-leaving
    "Once a young person has left care, what happens to them is no longer the concern of the service that cared for them.": "След като младият човек напусне грижата, това, което се случва с него, вече не е грижа на услугата, в която е живял.",
    "Leaving care continues well after the move. Follow-up contact and knowing they can come back for advice are part of making a young person's rights real after 18.": "Напускането на грижа продължава дълго след преместването. Проследяващите контакти и увереността, че може да се върне за съвет, са част от това правата на младия човек да станат реални и след 18 години.",
    # attitude-lasting-relationships
    "Helping a young person build lasting personal relationships is as important as arranging formal services for them.": "Да помогнем на младия човек да изгради трайни лични взаимоотношения е също толкова важно, колкото да му осигурим формални услуги.",
    "Care leavers lack the support network that families give. Formal services usually end at a certain age; relationships with people who matter can last.": "Младежите, напускащи грижа, нямат мрежата от подкрепа, която дава семейството. Формалните услуги обикновено свършват на определена възраст, а взаимоотношенията с хората, които имат значение, могат да продължат.",
    # m1-best-interests
    "Under article 3 of the UN Convention on the Rights of the Child, what must be a primary consideration in decisions about when and how a young person leaves care?": "Съгласно член 3 от Конвенцията на ООН за правата на детето какво трябва да бъде първостепенно съображение при решенията кога и как младият човек напуска грижа?",
    "The best interests of the young person.": "Най-добрият интерес на младия човек.",
    "The budget available to the service.": "Бюджетът, с който разполага услугата.",
    "The leaving age set in the service's rules.": "Възрастта за напускане, определена в правилата на услугата.",
    "The wishes of the young person's carers.": "Желанията на хората, които се грижат за младия човек.",
    "Article 3 makes the best interests of the child a primary consideration in all decisions affecting them, including the timing and manner of leaving care. Budgets and rules matter, but they cannot replace an assessment of what is best for this young person.": "Член 3 прави най-добрия интерес на детето първостепенно съображение при всички решения, които го засягат, включително кога и как напуска грижа. Бюджетите и правилата имат значение, но не могат да заменят преценката какво е най-добро за конкретния млад човек.",
    # m1-rights-based-practice
    "A young person's preparation plan is being reviewed. Which practices reflect the principles of a child-rights-based approach? Select all that apply.": "Преглежда се планът за подготовка на млад човек. Кои практики отразяват принципите на подхода, основан на правата на детето? Изберете всички верни отговори.",
    "Building on what the young person can already do and on the resources around them.": "Надграждане на това, което младият човек вече може, и на ресурсите около него.",
    "Adapting the plan when the young person's needs or circumstances change.": "Адаптиране на плана, когато потребностите или обстоятелствата на младия човек се променят.",
    "Explaining a decision to the young person before it is taken.": "Обясняване на решението на младия човек, преди то да бъде взето.",
    "Giving every young person the same standard package, so that everyone is treated equally.": "Един и същ стандартен пакет за всеки млад човек, така че всички да бъдат третирани еднакво.",
    "Focusing the review on the young person's problems and deficits.": "Фокусиране на прегледа върху проблемите и дефицитите на младия човек.",
    "A child-rights-based approach is strength-based, responsive and flexible, respectful and tailored to each young person. Care leavers asked for flexibility and tailor-made responses, not one standard path for everyone.": "Подходът, основан на правата на детето, се опира на силните страни, отзивчив е и гъвкав, почтителен и съобразен с всеки млад човек. Младежите, напускащи грижа, поискаха гъвкавост и индивидуално съобразени решения, а не един стандартен път за всички.",
    # m1-living-parents
    "Most children in alternative care in Central and Eastern Europe have no living parents.": "Повечето деца в алтернативна грижа в Централна и Източна Европа нямат живи родители.",
    "Most children in alternative care in the region have one or two living parents, and in many cases placement could have been avoided with the right family support. Poverty, other social stress factors and discrimination remain major reasons for placement.": "Повечето деца в алтернативна грижа в региона имат един или двама живи родители и в много случаи настаняването е можело да бъде избегнато с подходяща подкрепа за семейството. Бедността, други социални стресови фактори и дискриминацията остават основни причини за настаняване.",
    # m2-due-weight
    "A 17-year-old disagrees with the leaving date proposed in her care plan. What does article 12 ask of the professionals?": "17-годишна девойка не е съгласна с датата на напускане, предложена в плана ѝ за грижа. Какво изисква член 12 от професионалистите?",
    "To hear her view and give it due weight, and, if the decision goes against her wish, to explain why and record her view next to the decision.": "Да изслушат мнението ѝ и да му придадат нужното значение, а ако решението е против желанието ѝ – да обяснят защо и да запишат мнението ѝ до решението.",
    "To change the date, because under article 12 the young person decides.": "Да променят датата, защото според член 12 решава младият човек.",
    "To keep the date without discussion, because leaving dates are an administrative matter.": "Да запазят датата без обсъждане, защото датата на напускане е административен въпрос.",
    "To inform her of the final decision in writing after the meeting.": "Да я уведомят писмено за окончателното решение след срещата.",
    "Article 12 does not hand the decision to the young person, but it requires that her view is heard and given due weight, which for a 17-year-old is considerable. When a decision goes against her wish, explaining why and recording her view is part of respecting that right.": "Член 12 не предава решението на младия човек, но изисква мнението ѝ да бъде чуто и да му се придаде нужното значение, което за 17-годишен младеж е голямо. Когато решението е против желанието ѝ, обяснението защо и записването на мнението ѝ са част от зачитането на това право.",
    # m2-planning-meeting
    "Which steps help a young person take a real part in a planning meeting? Select all that apply.": "Кои стъпки помагат на младия човек да участва истински в среща за планиране? Изберете всички верни отговори.",
    "Meeting them beforehand to explain the purpose of the meeting, who will attend and what will be decided.": "Среща с него предварително, за да му се обясни целта на срещата, кой ще присъства и какво ще се решава.",
    "Starting the meeting with the young person's own view.": "Започване на срещата с мнението на самия млад човек.",
    "Asking whether they want someone they trust to come with them.": "Въпрос дали иска да го придружи човек, на когото има доверие.",
    "Starting with the professionals' reports, so that the young person hears the facts first.": "Започване с докладите на професионалистите, така че младият човек първо да чуе фактите.",
    "Holding the meeting during school hours, when all the professionals are available.": "Провеждане на срещата в учебно време, когато всички професионалисти са на разположение.",
    "Preparing the young person beforehand, starting with their view, avoiding jargon and letting them bring a trusted person make participation real. Starting with reports about them, or meeting at times that suit only adults, turns the meeting into adults talking about a young person in their presence.": "Предварителната подготовка с младия човек, започването с неговото мнение, избягването на професионален жаргон и възможността да доведе човек, на когото има доверие, правят участието реално. Ако срещата започне с доклади за него или се проведе в час, удобен само за възрастните, тя се превръща в разговор на възрастни за младия човек в негово присъствие.",
    # m2-include-marginalised
    "Young people with disabilities, young people from ethnic minorities and refugee young people often have fewer opportunities to be heard, so specific action is needed to include them.": "Младите хора с увреждания, младите хора от етнически малцинства и младите бежанци често имат по-малко възможности да бъдат чути, затова са нужни конкретни действия, за да бъдат включени.",
    "Meaningful participation includes everyone. Vulnerable, marginalised or disadvantaged young people often have fewer chances to be heard, so services need to adapt information, meetings and support so that they can take part too.": "Пълноценното участие включва всички. Уязвимите, маргинализираните или поставените в неравностойно положение млади хора често имат по-малко шансове да бъдат чути, затова услугите трябва да адаптират информацията, срещите и подкрепата, така че и те да могат да участват.",
    # m3-readiness
    "Readiness for leaving care has several dimensions. Which of the following are part of it? Select all that apply.": "Готовността за напускане на грижа има няколко измерения. Кои от следните са част от нея? Изберете всички верни отговори.",
    "Practical skills, such as cooking, budgeting and dealing with offices.": "Практически умения, като готвене, управление на бюджет и контакти с институции.",
    "Emotional resilience.": "Емоционална устойчивост.",
    "A safe place to live and an income, or a realistic plan for them.": "Безопасно място за живеене и доход или реалистичен план за тях.",
    "People the young person can turn to.": "Хора, към които младият човек може да се обърне.",
    "Having reached the age of 18.": "Навършени 18 години.",
    "A leaving date set only by age says nothing about readiness. A young person can be ready in some areas and not in others, so readiness is assessed together with them and the plan is adapted when they are not yet ready.": "Дата на напускане, определена само по възраст, не казва нищо за готовността. Младият човек може да е готов в някои области, а в други – не, затова готовността се преценява заедно с него, а планът се адаптира, когато той все още не е готов.",
    # m3-preparation-plan
    "Which description fits a good preparation plan for leaving care?": "Кое описание отговаря на добър план за подготовка за напускане на грижа?",
    "Written with the young person in language they understand, covering their own goals, housing, education or work, income, health and support network, and reviewed regularly.": "Изготвен заедно с младия човек на разбираем за него език, обхваща собствените му цели, жилището, образованието или работата, дохода, здравето и мрежата от подкрепа и се преглежда редовно.",
    "Written by the key worker when the young person is 17 and kept in the file until the leaving date.": "Изготвен от ключовия работник, когато младият човек е на 17 години, и съхраняван в досието до датата на напускане.",
    "The same standard plan for every young person in the service, to make sure all are treated fairly.": "Един и същ стандартен план за всеки млад човек в услугата, за да бъдат всички третирани справедливо.",
    "Focused on housing only, because other needs can be dealt with after the young person has left.": "Насочен само към жилището, защото другите потребности могат да се решат, след като младият човек напусне.",
    "A preparation plan is owned by the young person, responds to their individual needs and wishes, names who is responsible for each action, and is reviewed and changed as their life changes.": "Планът за подготовка принадлежи на младия човек, отговаря на индивидуалните му потребности и желания, посочва кой отговаря за всяко действие и се преглежда и променя, когато животът му се променя.",
    # m3-doing-for-them
    "Doing everyday tasks such as cooking and paying bills for young people is the best way to prepare them for leaving care, because it shows that staff care about them.": "Най-добрият начин да подготвим младите хора за напускане на грижа е да вършим вместо тях ежедневните задачи като готвене и плащане на сметки, защото така показваме, че ни е грижа за тях.",
    "Doing things for young people is quicker and feels caring, but it does not prepare them. Carers step back gradually: do it for them, then with them, then let them do it while you watch, then let them do it alone.": "Да вършиш нещата вместо младите хора е по-бързо и изглежда грижовно, но не ги подготвя. Който полага грижи, постепенно се отдръпва: първо прави нещата вместо тях, после заедно с тях, после ги оставя да ги правят, докато наблюдава, и накрая ги оставя да ги правят сами.",
    # m4-network-map
    "What is the main purpose of mapping a support network with a young person before they leave care?": "Каква е основната цел на картографирането на мрежата от подкрепа заедно с младия човек, преди той да напусне грижа?",
    "To make visible the people who matter to them, what help each could give, and the gaps that can still be filled before they leave.": "Да станат видими хората, които имат значение за него, каква помощ може да даде всеки от тях и какви празнини все още могат да бъдат запълнени преди напускането.",
    "To find out which relatives are legally obliged to support them after 18.": "Да се установи кои роднини са задължени по закон да го издържат след 18 години.",
    "To decide on the young person's behalf which family contacts they may keep.": "Да се реши вместо младия човек с кои членове на семейството може да поддържа контакт.",
    "To complete the case file before it is closed.": "Да се попълни досието, преди случаят да бъде приключен.",
    "A network map places the young person at the centre and shows family, friends and peers, professionals and community. It often reveals people the professional did not know about and gaps that can be filled while there is still time.": "Картата на мрежата поставя младия човек в центъра и показва семейството, приятелите и връстниците, професионалистите и общността. Тя често разкрива хора, за които професионалистът не е знаел, и празнини, които могат да бъдат запълнени, докато все още има време.",
    # m4-youthlinks
    "What did the YouthLinks platform offer care leavers in the Leaving Care project? Select all that apply.": "Какво предлагаше платформата YouthLinks на младежите, напускащи грижа, в проекта „Напускане на грижа“? Изберете всички верни отговори.",
    "Peer-to-peer support from other young people with care experience.": "Подкрепа от връстници – други млади хора с опит в грижата.",
    "Coaching and mentoring by care professionals and volunteers from companies.": "Коучинг и менторство от професионалисти в грижата и от доброволци от компании.",
    "Practical tools and networking opportunities.": "Практически инструменти и възможности за контакти.",
    "A guaranteed flat for every young person who registered.": "Гарантирано жилище за всеки регистриран млад човек.",
    "An online replacement for the young person's social worker.": "Онлайн заместител на социалния работник на младия човек.",
    "YouthLinks was implemented in five project countries to build a support network that improves care leavers' access to social rights. It works best when someone the young person trusts introduces it and is present on it too.": "YouthLinks беше въведена в пет държави по проекта, за да изгради мрежа от подкрепа, която подобрява достъпа на младежите, напускащи грижа, до социалните им права. Платформата работи най-добре, когато човек, на когото младият човек има доверие, му я представи и също присъства в нея.",
    # m4-family-of-origin
    "Because care leavers lack a family network, professionals should encourage every young person leaving care to renew contact with their family of origin.": "Тъй като младежите, напускащи грижа, нямат семейна мрежа, професионалистите трябва да насърчават всеки млад човек, който напуска грижа, да възстанови контакта с биологичното си семейство.",
    "For some young people family can be a source of support after care; for others it can be a risk. The decision belongs with the young person, informed by an honest assessment of safety.": "За някои млади хора семейството може да бъде източник на подкрепа след грижата, а за други – риск. Решението принадлежи на младия човек и се основава на честна оценка на безопасността.",
    # youth-rights-after-18
    "When you turn 18 and leave care, you lose your right to be heard and to get the support you are entitled to.": "Когато навършиш 18 години и напуснеш грижата, губиш правото си да бъдеш чут и да получаваш подкрепата, на която имаш право.",
    "Turning 18 does not take your rights away. You still have the right to be treated with respect and fairness, to say what you think and to get the support you are entitled to, so ask what exists where you live.": "Навършването на 18 години не ти отнема правата. Продължаваш да имаш право към теб да се отнасят с уважение и справедливо, да казваш какво мислиш и да получаваш подкрепата, на която имаш право, затова питай какво съществува там, където живееш.",
    # youth-not-ready
    "Your leaving date is getting close and you do not feel ready. What can you do?": "Датата, на която трябва да напуснеш, наближава, а не се чувстваш готов. Какво можеш да направиш?",
    "Say so, and ask for more time or more support. You have the right to ask.": "Да го кажеш и да поискаш повече време или повече подкрепа. Имаш право да поискаш.",
    "Keep quiet, because the date is fixed and asking would only cause trouble.": "Да си мълчиш, защото датата е определена и въпросите само ще създадат проблеми.",
    "Move out earlier, so that you get used to it faster.": "Да се изнесеш по-рано, за да свикнеш по-бързо.",
    "Wait until you have moved out, and ask for help only if things go wrong.": "Да изчакаш, докато се изнесеш, и да поискаш помощ само ако нещо се обърка.",
    "Being ready is not only about your age. If you do not feel ready, tell your social worker or case manager and ask for your plan to be looked at again. Asking questions is not being difficult: it is using your rights.": "Готовността не зависи само от възрастта ти. Ако не се чувстваш готов, кажи на социалния си работник или на водещия случая и поискай планът ти да бъде прегледан отново. Да задаваш въпроси не означава да създаваш проблеми: означава да използваш правата си.",
    # youth-rental-contract
    "You have found a flat to rent. What should you do before you sign the contract? Choose all the right answers.": "Намерил си квартира под наем. Какво трябва да направиш, преди да подпишеш договора? Избери всички верни отговори.",
    "Read the whole contract and ask someone you trust to read it too.": "Да прочетеш целия договор и да помолиш човек, на когото имаш доверие, също да го прочете.",
    "Check how much the rent is, what it includes and how big the deposit is.": "Да провериш колко е наемът, какво включва и колко е депозитът.",
    "Find out how the bills for electricity, water and heating are paid.": "Да разбереш как се плащат сметките за ток, вода и отопление.",
    "Sign quickly, before someone else takes the flat.": "Да подпишеш бързо, преди някой друг да вземе квартирата.",
    "Pay the deposit in cash without asking for a receipt.": "Да платиш депозита в брой, без да поискаш разписка.",
    "A contract is a promise you will have to keep, so take your time. Knowing the full cost, including bills and the deposit, helps you make a budget that works, and taking photos of the flat on the day you move in protects you later.": "Договорът е обещание, което ще трябва да спазваш, затова не бързай. Ако знаеш пълната цена, включително сметките и депозита, ще направиш бюджет, който работи, а снимките на жилището в деня на нанасянето ще те защитят по-късно.",
    # trainer-cascade-dilution
    "What is the main risk of a training cascade, and how can you protect against it?": "Кой е основният риск при каскадното обучение и как можете да се предпазите от него?",
    "The message can become thinner at each step; use the materials as designed, keep the core messages and adapt examples rather than principles.": "Посланието може да изтънява на всяка стъпка; използвайте материалите така, както са разработени, запазете ключовите послания и адаптирайте примерите, а не принципите.",
    "Trainers know their local system too well; use only international examples.": "Обучителите познават местната система твърде добре; използвайте само международни примери.",
    "Too many professionals are trained at once; limit sessions to managers.": "Наведнъж се обучават твърде много професионалисти; ограничете занятията до ръководители.",
    "Group work takes too long; replace exercises with a lecture so that all content is covered.": "Груповата работа отнема твърде много време; заменете упражненията с лекция, за да се покрие цялото съдържание.",
    "A two-day training delivered as a two-hour lecture will not change practice. Keeping the interactive exercises and the core messages (participation, preparation two to three years ahead, support networks, flexibility and respect) protects the quality of the training at every step of the cascade.": "Двудневно обучение, проведено като двучасова лекция, няма да промени практиката. Запазването на интерактивните упражнения и на ключовите послания (участие, подготовка две до три години предварително, мрежи за подкрепа, гъвкавост и уважение) пази качеството на обучението на всяка стъпка от каскадата.",
    # trainer-difficult-moments
    "During a session, a participant defends a practice that does not respect young people's rights, and the discussion becomes emotional. Which responses fit the guidance for trainers? Select all that apply.": "По време на занятие участник защитава практика, която не зачита правата на младите хора, и дискусията става емоционална. Кои реакции отговарят на насоките за обучители? Изберете всички верни отговори.",
    "Acknowledge feelings and do not force anyone to share.": "Признайте чувствата и не принуждавайте никого да споделя.",
    "Ask questions and bring in the quotes from young people.": "Задавайте въпроси и включете цитатите на младите хора.",
    "Let the group work through the disagreement.": "Оставете групата сама да премине през несъгласието.",
    "Correct the participant firmly in front of the group, so that the others learn.": "Поправете участника твърдо пред групата, за да се поучат останалите.",
    "Move on to the next topic straight away to avoid conflict.": "Веднага преминете към следващата тема, за да избегнете конфликт.",
    "Leaving care touches on loss and sometimes on participants' own childhood. Shaming participants closes the discussion; questions, young people's own words and the group's reflection are more likely to change views.": "Напускането на грижа засяга теми като загубата, а понякога и собственото детство на участниците. Засрамването на участниците прекратява дискусията; въпросите, думите на самите млади хора и размисълът в групата имат много повече шанс да променят възгледите.",
    # trainer-young-expert-story
    "A young expert who co-facilitates a session should be expected to tell their personal story of care, because that is what participants learn most from.": "От млад експерт, който е съфасилитатор на занятие, трябва да се очаква да разкаже личната си история в грижа, защото участниците научават най-много от нея.",
    "Young experts are co-facilitators, not case studies. Agree in advance what they are willing to share and what is off limits, agree a signal to stop, and let them decide how much of their own story to tell.": "Младите експерти са съфасилитатори, а не казуси. Договорете предварително какво са готови да споделят и кое е извън границите, уговорете сигнал за спиране и ги оставете сами да решат колко от историята си да разкажат.",
    # eval-change-practice
    "The course will change how I prepare young people for leaving care.": "Курсът ще промени начина, по който подготвям младите хора за напускане на грижа.",
    "Your answer helps trainers and the National Steering Group see whether the training leads to change in practice, not only whether it was liked.": "Отговорът ви помага на обучителите и на Националната ръководна група да видят дали обучението води до промяна в практиката, а не само дали е харесано.",
    # eval-quotes-helped
    "The quotes from young people helped me understand their view.": "Цитатите на младите хора ми помогнаха да разбера тяхната гледна точка.",
    "Young people's own words are at the heart of the course; your answer tells us whether they came across.": "Думите на самите млади хора са в основата на курса; отговорът ви показва дали те са достигнали до вас.",
    # eval-relevant
    "The course was relevant to my work with young people leaving care.": "Курсът беше приложим към работата ми с младежи, напускащи грижа.",
    "Relevance shows whether the examples and tools fit the services in your country, and where they need adapting.": "Приложимостта показва дали примерите и инструментите отговарят на услугите във вашата страна и къде трябва да бъдат адаптирани.",
    # eval-confident-involving
    "I feel more confident involving young people in decisions about their future.": "Вече имам повече увереност, когато включвам младите хора в решенията за тяхното бъдеще.",
    "Confidence in involving young people is a first step towards making the right to be heard real in everyday practice.": "Увереността при включването на младите хора е първа стъпка към това правото да бъдеш чут да стане реалност в ежедневната практика.",
    # eval-recommend
    "I would recommend this course to colleagues in other services.": "Препоръчвам този курс на колеги от други услуги.",
    "Recommendations help the National Steering Group plan where the training should go next.": "Препоръките помагат на Националната ръководна група да планира къде да бъде проведено обучението по-нататък.",
    # eval-how-much-use
    "How much of the course will you use in your work?": "Каква част от курса ще използвате в работата си?",
    "Most of it": "По-голямата част",
    "About half of it": "Около половината",
    "A little of it": "Малка част",
    "None of it": "Нищо от него",
    "There is no right or wrong answer. If you will use little of the course, please tell your trainer what stands in the way: these obstacles are valuable evidence for national policy recommendations.": "Няма верен или грешен отговор. Ако ще използвате малка част от курса, моля, кажете на обучителя какво ви пречи: тези пречки са ценни данни за националните препоръки за политики.",
    # Assessments
    "Course pre-test: where you start": "Входящ тест към курса: откъде започвате",
    "Answer these questions before you begin the course. There is no pass mark: your answers show what you already know, so that you can see what you have learnt when you answer the same questions again at the end.": "Отговорете на тези въпроси, преди да започнете курса. Няма минимален резултат за успешно преминаване: отговорите ви показват какво вече знаете, за да можете да видите какво сте научили, когато отговорите отново на същите въпроси в края.",
    "Course post-test: what you have learnt": "Изходящ тест към курса: какво научихте",
    "Answer the same questions again now that you have completed the course. You pass with 70% of the knowledge questions right, and you have two attempts.": "Отговорете отново на същите въпроси сега, след като сте завършили курса. Преминавате успешно със 70% верни отговори на въпросите за знания и имате два опита.",
    "Knowledge check: children's rights and the leaving-care process": "Проверка на знанията: правата на детето и процесът на напускане на грижа",
    "Three short questions on children's rights and the leaving-care process. You can try as many times as you like, and the feedback explains each answer.": "Три кратки въпроса за правата на детето и процеса на напускане на грижа. Можете да опитвате колкото пъти искате, а обратната връзка обяснява всеки отговор.",
    "Knowledge check: participation": "Проверка на знанията: участие",
    "Three short questions on the right to be heard and on participation in care planning. You can try as many times as you like, and the feedback explains each answer.": "Три кратки въпроса за правото да бъдеш чут и за участието в планирането на грижата. Можете да опитвате колкото пъти искате, а обратната връзка обяснява всеки отговор.",
    "Knowledge check: preparing early": "Проверка на знанията: ранна подготовка",
    "Three short questions on readiness, preparation plans and gradual independence. You can try as many times as you like, and the feedback explains each answer.": "Три кратки въпроса за готовността, плановете за подготовка и постепенната самостоятелност. Можете да опитвате колкото пъти искате, а обратната връзка обяснява всеки отговор.",
    "Knowledge check: building support networks": "Проверка на знанията: изграждане на мрежи за подкрепа",
    "Three short questions on network mapping, peer support and contact with family. You can try as many times as you like, and the feedback explains each answer.": "Три кратки въпроса за картографирането на мрежата, подкрепата от връстници и контакта със семейството. Можете да опитвате колкото пъти искате, а обратната връзка обяснява всеки отговор.",
    "Check what you know: your move": "Провери какво знаеш: твоят ход",
    "Three quick questions about your rights, getting ready to leave and renting a flat. It is not an exam: try as many times as you like.": "Три бързи въпроса за твоите права, подготовката за напускане и наемането на квартира. Това не е изпит: опитвай колкото пъти искаш.",
    "Knowledge check for trainers: running the national training": "Проверка на знанията за обучители: провеждане на националното обучение",
    "Three questions on the training cascade, difficult moments in sessions and co-facilitating with young experts. You can try as many times as you like.": "Три въпроса за каскадното обучение, трудните моменти по време на занятията и съвместното фасилитиране с млади експерти. Можете да опитвате колкото пъти искате.",
    "Course evaluation": "Оценка на курса",
    "Tell us what you think of the course and how you will use it. Your answers help trainers and the National Steering Group improve the training and plan what comes next.": "Кажете ни какво мислите за курса и как ще го използвате. Отговорите ви помагат на обучителите и на Националната ръководна група да подобрят обучението и да планират следващите стъпки.",
}

RO = {
    # rights-holders-and-duty-bearers
    "In a child-rights-based approach, how is a young person who is leaving care seen?": "Cum este privit, în abordarea bazată pe drepturile copilului, un tânăr care părăsește sistemul de protecție?",
    "As a rights-holder, with the professionals, services and authorities around them as duty-bearers.": "Ca titular de drepturi, iar profesioniștii, serviciile și autoritățile din jurul său ca purtători de obligații.",
    "As a case that is closed when the protection measure ends.": "Ca un caz care se închide atunci când încetează măsura de protecție.",
    "As a beneficiary who receives whichever services happen to be available.": "Ca un beneficiar care primește serviciile care se întâmplă să fie disponibile.",
    "As a recipient whose main duty is to follow the plan that professionals have made.": "Ca un beneficiar a cărui principală obligație este să urmeze planul făcut de profesioniști.",
    "A child-rights-based approach sees the young person as a rights-holder and the professionals, services and state as duty-bearers who must respect, protect and fulfil their rights. The question becomes what the young person is entitled to, not only what the service offers.": "Abordarea bazată pe drepturile copilului îl vede pe tânăr ca titular de drepturi, iar profesioniștii, serviciile și statul sunt purtători de obligații, care trebuie să îi respecte, să îi protejeze și să îi îndeplinească drepturile. Întrebarea devine la ce are dreptul tânărul, nu doar ce oferă serviciul.",
    # rights-in-alternative-care
    "Young people in alternative care have fewer rights under the UN Convention on the Rights of the Child than children who live with their families.": "Tinerii aflați în îngrijire alternativă au mai puține drepturi în temeiul Convenției ONU cu privire la drepturile copilului decât copiii care locuiesc cu familiile lor.",
    "The Convention applies to every child, including every child in alternative care. Living in care takes none of a child's rights away, and the duty of professionals is to make those rights real before, during and after care.": "Convenția se aplică fiecărui copil, inclusiv fiecărui copil aflat în îngrijire alternativă. Viața în sistemul de protecție nu îi ia copilului niciunul dintre drepturi, iar datoria profesioniștilor este să facă aceste drepturi reale înainte, în timpul și după îngrijire.",
    # why-outcomes-are-poor
    "Which of the following help to explain why outcomes for care leavers are often poor? Select all that apply.": "Care dintre următoarele explică de ce rezultatele tinerilor care părăsesc sistemul de protecție sunt adesea slabe? Selectați toate variantele corecte.",
    "The lack of national leaving care frameworks.": "Lipsa unor cadre naționale privind părăsirea sistemului de protecție.",
    "Leaving at a fixed age, often 18, with preparation that starts too late.": "Plecarea la o vârstă fixă, adesea la 18 ani, cu o pregătire care începe prea târziu.",
    "The lack of the support network that children growing up with their families have.": "Lipsa rețelei de sprijin pe care o au copiii care cresc în familiile lor.",
    "Young people in care are less capable than their peers.": "Tinerii din sistemul de protecție sunt mai puțin capabili decât cei de vârsta lor.",
    "Young people are involved too much in decisions about their own lives.": "Tinerii sunt implicați prea mult în deciziile privind propria viață.",
    "Poor outcomes are not a consequence of who care leavers are but of what happens to them before, during and after care: a sudden move at a fixed age, a missing support network and the lack of national leaving care frameworks, which the Prepare for Leaving Care project found contributes significantly to poor outcomes.": "Rezultatele slabe nu sunt o consecință a ceea ce sunt tinerii, ci a ceea ce li se întâmplă înainte, în timpul și după îngrijire: o mutare bruscă la o vârstă fixă, o rețea de sprijin care lipsește și lipsa unor cadre naționale privind părăsirea sistemului de protecție, despre care proiectul „Pregătirea pentru părăsirea sistemului de protecție” a constatat că contribuie semnificativ la rezultatele slabe.",
    # rights-article-12
    "What does article 12 of the UN Convention on the Rights of the Child require when decisions are made about a young person leaving care?": "Ce cere articolul 12 din Convenția ONU cu privire la drepturile copilului atunci când se iau decizii privind plecarea unui tânăr din sistemul de protecție?",
    "The young person can express their views freely, and those views are given due weight according to their age and maturity.": "Tânărul își poate exprima liber opiniile, iar acestea sunt luate în considerare în funcție de vârsta și gradul său de maturitate.",
    "The young person decides alone once they are 16 or older.": "Tânărul decide singur de la vârsta de 16 ani.",
    "The young person is informed of the decision once it has been taken.": "Tânărul este informat despre decizie după ce aceasta a fost luată.",
    "The young person is heard only if the case goes to court.": "Tânărul este ascultat doar dacă cazul ajunge în instanță.",
    "Article 12 gives every child who can form a view the right to express it freely in all matters affecting them, with due weight given according to age and maturity. It does not mean the child decides everything, but for a 16- or 17-year-old about to leave care, due weight is considerable.": "Articolul 12 îi dă fiecărui copil capabil de discernământ dreptul de a-și exprima liber opiniile în toate problemele care îl privesc, iar acestea sunt luate în considerare în funcție de vârsta și gradul său de maturitate. Asta nu înseamnă că decide copilul totul, dar în cazul unui tânăr de 16 sau 17 ani care urmează să părăsească sistemul, opinia sa trebuie să cântărească mult.",
    # young-expert-groups
    "What made the Young Expert Groups of the Leaving Care project meaningful participation rather than tokenism?": "Ce a făcut ca Grupurile de Tineri Experți din proiectul Leaving Care să fie o participare reală, și nu una de fațadă?",
    "Young people chose their own representatives, sat where project decisions were taken and assessed their own involvement at the end.": "Tinerii și-au ales singuri reprezentanții, au făcut parte din structurile în care se luau deciziile proiectului și și-au evaluat ei înșiși implicarea la final.",
    "A young person was invited to speak at the opening of each national conference.": "La deschiderea fiecărei conferințe naționale a fost invitat să vorbească un tânăr.",
    "Young people filled in a satisfaction questionnaire after the project had ended.": "Tinerii au completat un chestionar de satisfacție după încheierea proiectului.",
    "Professionals selected the most confident young people to speak for the others.": "Profesioniștii i-au ales pe cei mai încrezători tineri ca să vorbească în numele celorlalți.",
    "Young people in each national YEG selected two peers to represent them in the International YEG and the Project Steering Group, where decisions were made, and at the end they judged for themselves how far their input was reflected in the project's tools. One young person speaking at an opening is not participation.": "Tinerii din fiecare Grup Național de Tineri Experți au ales doi colegi care să îi reprezinte în Grupul Internațional de Tineri Experți și în Comitetul de coordonare al proiectului, unde se luau deciziile, iar la final au apreciat singuri în ce măsură contribuția lor s-a regăsit în instrumentele proiectului. Un tânăr care vorbește la o deschidere nu înseamnă participare.",
    # participation-is-ongoing
    "Meaningful participation means asking a young person for their view once, at the start of care planning.": "Participarea semnificativă înseamnă să îi ceri unui tânăr părerea o singură dată, la începutul planificării îngrijirii.",
    "Participation is an ongoing process, not a one-off event. Asking a young person once and never again is one of the most common ways participation fails; their views should be sought and taken into account every time decisions are made.": "Participarea este un proces continuu, nu un eveniment singular. Să îi ceri unui tânăr părerea o dată și apoi niciodată este unul dintre cele mai frecvente motive pentru care participarea eșuează; opiniile sale trebuie cerute și luate în considerare de fiecare dată când se iau decizii.",
    # preparation-two-to-three-years
    "According to young people with care experience, when should preparation for leaving care start?": "Potrivit tinerilor cu experiență în sistemul de protecție, când ar trebui să înceapă pregătirea pentru părăsirea sistemului?",
    "Two to three years before they actually leave care.": "Cu doi până la trei ani înainte de a părăsi efectiv sistemul de protecție.",
    "A few weeks before their eighteenth birthday.": "Cu câteva săptămâni înainte de a împlini 18 ani.",
    "About six months before the planned leaving date.": "Cu aproximativ șase luni înainte de data planificată a plecării.",
    "After they have moved out, when real problems appear.": "După ce s-au mutat, când apar problemele reale.",
    "In the Prepare for Leaving Care project, young people said they want to start preparing for the transition to independence two to three years before actually leaving alternative care. That gives time to learn skills, plan education, explore housing and build relationships while support is still close.": "În proiectul „Pregătirea pentru părăsirea sistemului de protecție”, tinerii au spus că vor să înceapă pregătirea pentru tranziția spre independență cu doi până la trei ani înainte de a părăsi efectiv îngrijirea alternativă. Astfel au timp să învețe abilități, să își planifice educația, să exploreze variantele de locuire și să construiască relații cât timp sprijinul este încă aproape.",
    # leaving-care-is-a-process
    "A child-rights-based approach treats leaving care as a process that starts years before the move and continues well after it, not as an administrative event on a fixed date.": "Abordarea bazată pe drepturile copilului tratează părăsirea sistemului de protecție ca pe un proces care începe cu ani înainte de mutare și continuă mult timp după aceea, nu ca pe un eveniment administrativ la o dată fixă.",
    "Care leavers describe independence as a process in which they can see how things are going and whether they are ready, and if they are not, they should at least have someone on their side so that they do not just stumble and fall.": "Tinerii care au părăsit sistemul descriu independența ca pe un proces în care pot vedea cum merg lucrurile și dacă sunt pregătiți, iar dacă nu sunt, ar trebui măcar să aibă pe cineva alături, ca să nu se împiedice și să cadă pur și simplu.",
    # gradual-independence
    "Which approach best helps a young person in care build independence gradually?": "Ce abordare îl ajută cel mai bine pe un tânăr din sistemul de protecție să devină treptat independent?",
    "Increasing responsibility in small, agreed steps, such as moving from a weekly food budget to a monthly budget, while support is still close.": "Creșterea responsabilității în pași mici, conveniți împreună, de exemplu de la un buget săptămânal pentru mâncare la un buget lunar, cât timp sprijinul este încă aproape.",
    "Letting staff handle money and meals until the leaving date, so that the young person does not make costly mistakes.": "Personalul se ocupă de bani și de mese până la data plecării, ca tânărul să nu facă greșeli costisitoare.",
    "Handing over full responsibility for a monthly budget at 17 and leaving the young person to cope.": "Tânărului i se dă întreaga responsabilitate pentru un buget lunar la 17 ani și este lăsat să se descurce.",
    "Giving a life-skills lecture in the last month before the young person leaves.": "O prelegere despre abilități de viață în ultima lună înainte ca tânărul să plece.",
    "Life skills are best learnt by doing, with responsibility that grows step by step and is reviewed together. Mistakes made while the safety net is still there are part of learning: do it for them, then with them, then let them do it while you watch, then alone.": "Abilitățile de viață se învață cel mai bine făcând, cu o responsabilitate care crește pas cu pas și este analizată împreună. Greșelile făcute cât timp plasa de siguranță este încă acolo fac parte din învățare: mai întâi faceți în locul lor, apoi împreună cu ei, apoi îi lăsați să facă în timp ce îi urmăriți, apoi singuri.",
    # informal-support
    "Which of the following are examples of informal support for a young person leaving care? Select all that apply.": "Care dintre următoarele sunt exemple de sprijin informal pentru un tânăr care părăsește sistemul de protecție? Selectați toate variantele corecte.",
    "A former foster family who invite them for holiday meals.": "Familia fostului asistent maternal, care îl invită la masa de sărbători.",
    "A neighbour who helps them understand a rental contract.": "Un vecin care îl ajută să înțeleagă un contract de închiriere.",
    "Another care leaver they met through a peer support platform.": "Un alt tânăr care a părăsit sistemul, cunoscut pe o platformă de sprijin de la egal la egal.",
    "The local employment office.": "Agenția locală pentru ocuparea forței de muncă.",
    "A housing programme run by the local authority.": "Un program de locuințe derulat de autoritatea locală.",
    "Informal support comes from people in the young person's life, such as relatives, friends, peers, neighbours and mentors; formal support comes from professionals and services. Formal support usually ends at a certain age or when a programme closes, while informal support can last.": "Sprijinul informal vine de la oamenii din viața tânărului, precum rude, prieteni, colegi, vecini și mentori, iar sprijinul formal vine de la profesioniști și servicii. Sprijinul formal se încheie de obicei la o anumită vârstă sau când se închide un program, în timp ce sprijinul informal poate dura.",
    # mentor-role
    "Which description best fits the role of a mentor for a young person leaving care?": "Care descriere se potrivește cel mai bine rolului unui mentor pentru un tânăr care părăsește sistemul de protecție?",
    "A trusted adult who spends time with the young person regularly, listens and helps them think through decisions.": "Un adult de încredere care petrece regulat timp cu tânărul, îl ascultă și îl ajută să se gândească bine la decizii.",
    "A second social worker who keeps a case file and reports on the young person's progress.": "Un al doilea asistent social, care ține un dosar și raportează despre progresele tânărului.",
    "A volunteer who makes decisions for the young person when staff are not available.": "Un voluntar care ia decizii în locul tânărului atunci când personalul nu este disponibil.",
    "An employer who guarantees the young person a job after they leave care.": "Un angajator care îi garantează tânărului un loc de muncă după ce părăsește sistemul.",
    "A mentor is not a social worker: they do not hold a case file or make decisions about the young person, which is why the relationship can feel different. Mentors from companies can open doors to work experience, but the core of mentoring is time, listening and trust.": "Un mentor nu este un asistent social: nu ține un dosar și nu ia decizii despre tânăr, și tocmai de aceea relația poate fi trăită altfel. Mentorii din companii pot deschide uși către experiență de muncă, dar esența mentoratului este timpul, ascultarea și încrederea.",
    # inter-agency-working
    "A young person leaving care will need housing, an income and counselling from several agencies. What does effective inter-agency work look like?": "Un tânăr care părăsește sistemul de protecție va avea nevoie de locuință, de un venit și de consiliere din partea mai multor instituții. Cum arată o colaborare interinstituțională eficientă?",
    "One joint plan agreed with the young person, one professional who coordinates it, and the move to adult services planned well before the eighteenth birthday.": "Un singur plan comun, convenit cu tânărul, un singur profesionist care îl coordonează și trecerea la serviciile pentru adulți planificată cu mult înainte de împlinirea vârstei de 18 ani.",
    "Each agency assesses the young person separately with its own forms, so that nothing is missed.": "Fiecare instituție îl evaluează separat pe tânăr, cu propriile formulare, ca să nu scape nimic.",
    "Child protection closes the case at 18, and adult services take over once the young person applies to them.": "Protecția copilului închide cazul la 18 ani, iar serviciile pentru adulți îl preiau după ce tânărul li se adresează.",
    "Agencies share all information about the young person freely, without asking for consent.": "Instituțiile își transmit liber toate informațiile despre tânăr, fără să îi ceară consimțământul.",
    "No single service can meet all of a care leaver's needs, so agencies should agree one joint plan, use shared tools, share information safely and with the young person's consent, and name one coordinator. Planning the transition to adult services before 18 prevents the gap in which support ends before the next service starts.": "Niciun serviciu nu poate răspunde singur tuturor nevoilor unui tânăr care părăsește sistemul de protecție, așa că instituțiile ar trebui să convină un plan comun, să folosească instrumente comune, să împărtășească informațiile în siguranță și cu consimțământul tânărului și să numească un coordonator. Planificarea trecerii la serviciile pentru adulți înainte de 18 ani previne golul în care sprijinul se încheie înainte ca următorul serviciu să înceapă.",
    # attitude-say-in-leaving-date
    "Young people should have a say in decisions about when they leave care.": "Tinerii ar trebui să aibă un cuvânt de spus în deciziile privind momentul în care părăsesc sistemul de protecție.",
    "Leaving care is one of the matters that affect young people most, so under article 12 their views on its timing must be heard and given due weight.": "Părăsirea sistemului de protecție este una dintre problemele care îi privesc cel mai mult pe tineri, așa că, potrivit articolului 12, opiniile lor despre momentul plecării trebuie ascultate și luate în considerare.",
    # attitude-professionals-know-best
    "Professionals know best what a young person needs; asking them slows the work down.": "Profesioniștii știu cel mai bine de ce are nevoie un tânăr; să îl întrebi doar încetinește munca.",
    "Young people are experts in their own lives. Professionals know the system, young people know what living in care is like and what they fear about leaving, and good decisions need both kinds of knowledge.": "Tinerii sunt experți în propria viață. Profesioniștii cunosc sistemul, tinerii știu cum este să trăiești în sistemul de protecție și ce îi sperie la plecare, iar deciziile bune au nevoie de ambele tipuri de cunoaștere.",
    # attitude-safe-mistakes
    "Young people in care should be allowed to make mistakes while they practise living independently.": "Tinerilor din sistemul de protecție ar trebui să li se permită să greșească în timp ce exersează traiul independent.",
    "Mistakes made while support is still close are part of learning; a young person who runs out of money in a training budget learns something that costs far more to learn alone at 19.": "Greșelile făcute cât timp sprijinul este încă aproape fac parte din învățare; un tânăr care rămâne fără bani dintr-un buget de exercițiu învață ceva ce l-ar costa mult mai mult să învețe singur la 19 ani.",
    # attitude-after-leaving
    "Once a young person has left care, what happens to them is no longer the concern of the service that cared for them.": "După ce un tânăr a părăsit sistemul de protecție, ce se întâmplă cu el nu mai este treaba serviciului care l-a îngrijit.",
    "Leaving care continues well after the move. Follow-up contact and knowing they can come back for advice are part of making a young person's rights real after 18.": "Părăsirea sistemului de protecție continuă mult după mutare. Contactele de monitorizare și certitudinea că se poate întoarce pentru sfaturi fac parte din transpunerea în realitate a drepturilor tânărului și după 18 ani.",
    # attitude-lasting-relationships
    "Helping a young person build lasting personal relationships is as important as arranging formal services for them.": "Să ajuți un tânăr să își construiască relații personale de durată este la fel de important ca a-i asigura servicii formale.",
    "Care leavers lack the support network that families give. Formal services usually end at a certain age; relationships with people who matter can last.": "Tinerii care părăsesc sistemul de protecție nu au rețeaua de sprijin pe care o oferă familia. Serviciile formale se încheie de obicei la o anumită vârstă, dar relațiile cu oamenii care contează pot dura.",
    # m1-best-interests
    "Under article 3 of the UN Convention on the Rights of the Child, what must be a primary consideration in decisions about when and how a young person leaves care?": "Potrivit articolului 3 din Convenția ONU cu privire la drepturile copilului, ce trebuie să fie o considerație primordială în deciziile privind momentul și modul în care un tânăr părăsește sistemul de protecție?",
    "The best interests of the young person.": "Interesul superior al tânărului.",
    "The budget available to the service.": "Bugetul de care dispune serviciul.",
    "The leaving age set in the service's rules.": "Vârsta de plecare stabilită în regulile serviciului.",
    "The wishes of the young person's carers.": "Dorințele îngrijitorilor tânărului.",
    "Article 3 makes the best interests of the child a primary consideration in all decisions affecting them, including the timing and manner of leaving care. Budgets and rules matter, but they cannot replace an assessment of what is best for this young person.": "Articolul 3 face din interesul superior al copilului o considerație primordială în toate deciziile care îl privesc, inclusiv în privința momentului și a modului în care părăsește sistemul de protecție. Bugetele și regulile contează, dar nu pot înlocui evaluarea a ceea ce este cel mai bine pentru acest tânăr.",
    # m1-rights-based-practice
    "A young person's preparation plan is being reviewed. Which practices reflect the principles of a child-rights-based approach? Select all that apply.": "Se revizuiește planul de pregătire al unui tânăr. Care practici reflectă principiile abordării bazate pe drepturile copilului? Selectați toate variantele corecte.",
    "Building on what the young person can already do and on the resources around them.": "Pornim de la ceea ce tânărul știe deja să facă și de la resursele din jurul lui.",
    "Adapting the plan when the young person's needs or circumstances change.": "Adaptăm planul atunci când nevoile sau circumstanțele tânărului se schimbă.",
    "Explaining a decision to the young person before it is taken.": "Îi explicăm tânărului o decizie înainte ca ea să fie luată.",
    "Giving every young person the same standard package, so that everyone is treated equally.": "Oferim fiecărui tânăr același pachet standard, ca toți să fie tratați la fel.",
    "Focusing the review on the young person's problems and deficits.": "Concentrăm revizuirea pe problemele și deficitele tânărului.",
    "A child-rights-based approach is strength-based, responsive and flexible, respectful and tailored to each young person. Care leavers asked for flexibility and tailor-made responses, not one standard path for everyone.": "Abordarea bazată pe drepturile copilului pornește de la resurse, este receptivă și flexibilă, respectuoasă și adaptată fiecărui tânăr. Tinerii care părăsesc sistemul de protecție au cerut flexibilitate și răspunsuri personalizate, nu un singur traseu standard pentru toți.",
    # m1-living-parents
    "Most children in alternative care in Central and Eastern Europe have no living parents.": "Cei mai mulți copii din îngrijirea alternativă din Europa Centrală și de Est nu au niciun părinte în viață.",
    "Most children in alternative care in the region have one or two living parents, and in many cases placement could have been avoided with the right family support. Poverty, other social stress factors and discrimination remain major reasons for placement.": "Cei mai mulți copii din îngrijirea alternativă din regiune au unul sau ambii părinți în viață, iar în multe cazuri plasamentul ar fi putut fi evitat cu sprijinul potrivit pentru familie. Sărăcia, alți factori de stres social și discriminarea rămân motive importante ale plasamentelor.",
    # m2-due-weight
    "A 17-year-old disagrees with the leaving date proposed in her care plan. What does article 12 ask of the professionals?": "O tânără de 17 ani nu este de acord cu data plecării propusă în planul ei de îngrijire. Ce le cere articolul 12 profesioniștilor?",
    "To hear her view and give it due weight, and, if the decision goes against her wish, to explain why and record her view next to the decision.": "Să îi asculte opinia și să îi acorde importanța cuvenită, iar dacă decizia este contrară dorinței ei, să explice de ce și să consemneze opinia ei alături de decizie.",
    "To change the date, because under article 12 the young person decides.": "Să schimbe data, pentru că, potrivit articolului 12, decide tânărul.",
    "To keep the date without discussion, because leaving dates are an administrative matter.": "Să păstreze data fără discuții, pentru că data plecării este o chestiune administrativă.",
    "To inform her of the final decision in writing after the meeting.": "Să o informeze în scris despre decizia finală după întâlnire.",
    "Article 12 does not hand the decision to the young person, but it requires that her view is heard and given due weight, which for a 17-year-old is considerable. When a decision goes against her wish, explaining why and recording her view is part of respecting that right.": "Articolul 12 nu îi lasă tinerei decizia, dar cere ca opinia ei să fie ascultată și să primească importanța cuvenită, care pentru un tânăr de 17 ani este considerabilă. Când decizia este contrară dorinței ei, explicarea motivelor și consemnarea opiniei ei fac parte din respectarea acestui drept.",
    # m2-planning-meeting
    "Which steps help a young person take a real part in a planning meeting? Select all that apply.": "Ce pași îl ajută pe un tânăr să participe cu adevărat la o întâlnire de planificare? Selectați toate variantele corecte.",
    "Meeting them beforehand to explain the purpose of the meeting, who will attend and what will be decided.": "O întâlnire cu el dinainte, pentru a-i explica scopul întâlnirii, cine va participa și ce se va decide.",
    "Starting the meeting with the young person's own view.": "Începerea întâlnirii cu propria opinie a tânărului.",
    "Asking whether they want someone they trust to come with them.": "Întrebarea dacă dorește să vină însoțit de cineva în care are încredere.",
    "Starting with the professionals' reports, so that the young person hears the facts first.": "Începerea cu rapoartele profesioniștilor, ca tânărul să audă mai întâi faptele.",
    "Holding the meeting during school hours, when all the professionals are available.": "Organizarea întâlnirii în timpul orelor de școală, când toți profesioniștii sunt disponibili.",
    "Preparing the young person beforehand, starting with their view, avoiding jargon and letting them bring a trusted person make participation real. Starting with reports about them, or meeting at times that suit only adults, turns the meeting into adults talking about a young person in their presence.": "Pregătirea tânărului dinainte, începerea cu opinia sa, evitarea jargonului și posibilitatea de a veni cu o persoană de încredere fac participarea reală. Dacă întâlnirea începe cu rapoarte despre el sau are loc la ore convenabile doar pentru adulți, ea devine o discuție a adulților despre tânăr, în prezența lui.",
    # m2-include-marginalised
    "Young people with disabilities, young people from ethnic minorities and refugee young people often have fewer opportunities to be heard, so specific action is needed to include them.": "Tinerii cu dizabilități, tinerii din minoritățile etnice și tinerii refugiați au adesea mai puține ocazii de a fi ascultați, de aceea este nevoie de acțiuni specifice pentru a-i include.",
    "Meaningful participation includes everyone. Vulnerable, marginalised or disadvantaged young people often have fewer chances to be heard, so services need to adapt information, meetings and support so that they can take part too.": "Participarea semnificativă îi include pe toți. Tinerii vulnerabili, marginalizați sau defavorizați au adesea mai puține șanse de a fi ascultați, așa că serviciile trebuie să adapteze informațiile, întâlnirile și sprijinul astfel încât și ei să poată participa.",
    # m3-readiness
    "Readiness for leaving care has several dimensions. Which of the following are part of it? Select all that apply.": "Starea de pregătire pentru părăsirea sistemului de protecție are mai multe dimensiuni. Care dintre următoarele fac parte din ea? Selectați toate variantele corecte.",
    "Practical skills, such as cooking, budgeting and dealing with offices.": "Abilități practice, precum gătitul, gestionarea bugetului și relația cu instituțiile.",
    "Emotional resilience.": "Reziliența emoțională.",
    "A safe place to live and an income, or a realistic plan for them.": "Un loc sigur de locuit și un venit sau un plan realist pentru acestea.",
    "People the young person can turn to.": "Oameni la care tânărul se poate adresa.",
    "Having reached the age of 18.": "Împlinirea vârstei de 18 ani.",
    "A leaving date set only by age says nothing about readiness. A young person can be ready in some areas and not in others, so readiness is assessed together with them and the plan is adapted when they are not yet ready.": "O dată de plecare stabilită doar în funcție de vârstă nu spune nimic despre cât de pregătit este tânărul. Un tânăr poate fi pregătit în unele privințe și nu în altele, așa că starea de pregătire se evaluează împreună cu el, iar planul se adaptează atunci când nu este încă pregătit.",
    # m3-preparation-plan
    "Which description fits a good preparation plan for leaving care?": "Care descriere se potrivește unui plan bun de pregătire pentru părăsirea sistemului de protecție?",
    "Written with the young person in language they understand, covering their own goals, housing, education or work, income, health and support network, and reviewed regularly.": "Scris împreună cu tânărul, într-un limbaj pe care îl înțelege, cuprinde propriile lui obiective, locuința, educația sau munca, venitul, sănătatea și rețeaua de sprijin și este revizuit regulat.",
    "Written by the key worker when the young person is 17 and kept in the file until the leaving date.": "Scris de persoana de referință când tânărul are 17 ani și păstrat la dosar până la data plecării.",
    "The same standard plan for every young person in the service, to make sure all are treated fairly.": "Același plan standard pentru fiecare tânăr din serviciu, ca toți să fie tratați corect.",
    "Focused on housing only, because other needs can be dealt with after the young person has left.": "Axat doar pe locuință, pentru că celelalte nevoi pot fi rezolvate după ce tânărul a plecat.",
    "A preparation plan is owned by the young person, responds to their individual needs and wishes, names who is responsible for each action, and is reviewed and changed as their life changes.": "Planul de pregătire îi aparține tânărului, răspunde nevoilor și dorințelor sale individuale, arată cine răspunde de fiecare acțiune și este revizuit și schimbat pe măsură ce viața tânărului se schimbă.",
    # m3-doing-for-them
    "Doing everyday tasks such as cooking and paying bills for young people is the best way to prepare them for leaving care, because it shows that staff care about them.": "Cel mai bun mod de a-i pregăti pe tineri pentru părăsirea sistemului de protecție este să facem în locul lor treburile de zi cu zi, precum gătitul și plata facturilor, pentru că așa le arătăm că ne pasă de ei.",
    "Doing things for young people is quicker and feels caring, but it does not prepare them. Carers step back gradually: do it for them, then with them, then let them do it while you watch, then let them do it alone.": "Să faci lucrurile în locul tinerilor este mai rapid și pare o dovadă de grijă, dar nu îi pregătește. Îngrijitorii se retrag treptat: mai întâi fac în locul lor, apoi împreună cu ei, apoi îi lasă să facă în timp ce îi urmăresc, apoi îi lasă să facă singuri.",
    # m4-network-map
    "What is the main purpose of mapping a support network with a young person before they leave care?": "Care este scopul principal al cartografierii rețelei de sprijin împreună cu tânărul, înainte ca acesta să părăsească sistemul de protecție?",
    "To make visible the people who matter to them, what help each could give, and the gaps that can still be filled before they leave.": "Să devină vizibili oamenii care contează pentru el, ajutorul pe care i l-ar putea da fiecare și golurile care mai pot fi acoperite înainte de plecare.",
    "To find out which relatives are legally obliged to support them after 18.": "Să se afle care rude au obligația legală de a-l întreține după 18 ani.",
    "To decide on the young person's behalf which family contacts they may keep.": "Să se decidă în locul tânărului cu ce membri ai familiei poate păstra legătura.",
    "To complete the case file before it is closed.": "Să se completeze dosarul înainte de închiderea cazului.",
    "A network map places the young person at the centre and shows family, friends and peers, professionals and community. It often reveals people the professional did not know about and gaps that can be filled while there is still time.": "Harta rețelei îl așază pe tânăr în centru și arată familia, prietenii și colegii, profesioniștii și comunitatea. Ea scoate adesea la iveală oameni de care profesionistul nu știa și goluri care pot fi acoperite cât mai este timp.",
    # m4-youthlinks
    "What did the YouthLinks platform offer care leavers in the Leaving Care project? Select all that apply.": "Ce le-a oferit platforma YouthLinks tinerilor care părăsesc sistemul de protecție în proiectul Leaving Care? Selectați toate variantele corecte.",
    "Peer-to-peer support from other young people with care experience.": "Sprijin de la egal la egal din partea altor tineri cu experiență în sistemul de protecție.",
    "Coaching and mentoring by care professionals and volunteers from companies.": "Coaching și mentorat din partea profesioniștilor din domeniul îngrijirii și a voluntarilor din companii.",
    "Practical tools and networking opportunities.": "Instrumente practice și ocazii de a-și face contacte.",
    "A guaranteed flat for every young person who registered.": "O locuință garantată pentru fiecare tânăr înscris.",
    "An online replacement for the young person's social worker.": "Un înlocuitor online al asistentului social al tânărului.",
    "YouthLinks was implemented in five project countries to build a support network that improves care leavers' access to social rights. It works best when someone the young person trusts introduces it and is present on it too.": "YouthLinks a fost implementată în cinci țări ale proiectului pentru a construi o rețea de sprijin care să îmbunătățească accesul tinerilor care părăsesc sistemul de protecție la drepturile sociale. Platforma funcționează cel mai bine atunci când cineva în care tânărul are încredere i-o prezintă și este și el prezent pe ea.",
    # m4-family-of-origin
    "Because care leavers lack a family network, professionals should encourage every young person leaving care to renew contact with their family of origin.": "Pentru că tinerii care părăsesc sistemul de protecție nu au o rețea familială, profesioniștii ar trebui să încurajeze fiecare tânăr care pleacă din sistem să reia legătura cu familia de origine.",
    "For some young people family can be a source of support after care; for others it can be a risk. The decision belongs with the young person, informed by an honest assessment of safety.": "Pentru unii tineri, familia poate fi o sursă de sprijin după ieșirea din sistem; pentru alții poate fi un risc. Decizia îi aparține tânărului și se bazează pe o evaluare onestă a siguranței.",
    # youth-rights-after-18
    "When you turn 18 and leave care, you lose your right to be heard and to get the support you are entitled to.": "Când împlinești 18 ani și părăsești sistemul de protecție, pierzi dreptul de a fi ascultat și de a primi sprijinul la care ai dreptul.",
    "Turning 18 does not take your rights away. You still have the right to be treated with respect and fairness, to say what you think and to get the support you are entitled to, so ask what exists where you live.": "Împlinirea vârstei de 18 ani nu îți ia drepturile. Ai în continuare dreptul să fii tratat cu respect și corectitudine, să spui ce crezi și să primești sprijinul la care ai dreptul, așa că întreabă ce există acolo unde locuiești.",
    # youth-not-ready
    "Your leaving date is getting close and you do not feel ready. What can you do?": "Data plecării tale se apropie și nu te simți pregătit. Ce poți face?",
    "Say so, and ask for more time or more support. You have the right to ask.": "Spui asta și ceri mai mult timp sau mai mult sprijin. Ai dreptul să ceri.",
    "Keep quiet, because the date is fixed and asking would only cause trouble.": "Taci, pentru că data este fixă și, dacă întrebi, nu faci decât probleme.",
    "Move out earlier, so that you get used to it faster.": "Te muți mai devreme, ca să te obișnuiești mai repede.",
    "Wait until you have moved out, and ask for help only if things go wrong.": "Aștepți până te muți și ceri ajutor doar dacă ceva nu merge bine.",
    "Being ready is not only about your age. If you do not feel ready, tell your social worker or case manager and ask for your plan to be looked at again. Asking questions is not being difficult: it is using your rights.": "Să fii pregătit nu ține doar de vârsta ta. Dacă nu te simți pregătit, spune-i asistentului social sau managerului de caz și cere ca planul tău să fie revăzut. Să pui întrebări nu înseamnă să faci probleme: înseamnă să îți folosești drepturile.",
    # youth-rental-contract
    "You have found a flat to rent. What should you do before you sign the contract? Choose all the right answers.": "Ai găsit o locuință de închiriat. Ce ar trebui să faci înainte să semnezi contractul? Alege toate răspunsurile corecte.",
    "Read the whole contract and ask someone you trust to read it too.": "Citești tot contractul și îi ceri cuiva în care ai încredere să îl citească și el.",
    "Check how much the rent is, what it includes and how big the deposit is.": "Verifici cât este chiria, ce include și cât de mare este garanția.",
    "Find out how the bills for electricity, water and heating are paid.": "Afli cum se plătesc facturile la electricitate, apă și încălzire.",
    "Sign quickly, before someone else takes the flat.": "Semnezi repede, înainte să ia altcineva locuința.",
    "Pay the deposit in cash without asking for a receipt.": "Plătești garanția în numerar fără să ceri chitanță.",
    "A contract is a promise you will have to keep, so take your time. Knowing the full cost, including bills and the deposit, helps you make a budget that works, and taking photos of the flat on the day you move in protects you later.": "Un contract este o promisiune pe care va trebui să o respecți, așa că nu te grăbi. Dacă știi costul total, inclusiv facturile și garanția, îți poți face un buget care chiar funcționează, iar fotografiile locuinței din ziua în care te muți te protejează mai târziu.",
    # trainer-cascade-dilution
    "What is the main risk of a training cascade, and how can you protect against it?": "Care este principalul risc al unei formări în cascadă și cum vă puteți proteja de el?",
    "The message can become thinner at each step; use the materials as designed, keep the core messages and adapt examples rather than principles.": "Mesajul se poate dilua la fiecare pas; folosiți materialele așa cum au fost concepute, păstrați mesajele-cheie și adaptați exemplele, nu principiile.",
    "Trainers know their local system too well; use only international examples.": "Formatorii își cunosc prea bine sistemul local; folosiți doar exemple internaționale.",
    "Too many professionals are trained at once; limit sessions to managers.": "Sunt formați prea mulți profesioniști deodată; limitați sesiunile la manageri.",
    "Group work takes too long; replace exercises with a lecture so that all content is covered.": "Lucrul în grup durează prea mult; înlocuiți exercițiile cu o prelegere, ca să acoperiți tot conținutul.",
    "A two-day training delivered as a two-hour lecture will not change practice. Keeping the interactive exercises and the core messages (participation, preparation two to three years ahead, support networks, flexibility and respect) protects the quality of the training at every step of the cascade.": "O formare de două zile susținută ca o prelegere de două ore nu va schimba practica. Păstrarea exercițiilor interactive și a mesajelor-cheie (participarea, pregătirea cu doi până la trei ani înainte, rețelele de sprijin, flexibilitatea și respectul) protejează calitatea formării la fiecare pas al cascadei.",
    # trainer-difficult-moments
    "During a session, a participant defends a practice that does not respect young people's rights, and the discussion becomes emotional. Which responses fit the guidance for trainers? Select all that apply.": "În timpul unei sesiuni, un participant apără o practică ce nu respectă drepturile tinerilor, iar discuția devine încărcată emoțional. Ce reacții corespund îndrumărilor pentru formatori? Selectați toate variantele corecte.",
    "Acknowledge feelings and do not force anyone to share.": "Recunoașteți emoțiile și nu forțați pe nimeni să împărtășească.",
    "Ask questions and bring in the quotes from young people.": "Puneți întrebări și aduceți în discuție citatele tinerilor.",
    "Let the group work through the disagreement.": "Lăsați grupul să lămurească dezacordul prin discuție.",
    "Correct the participant firmly in front of the group, so that the others learn.": "Corectați ferm participantul în fața grupului, ca să învețe și ceilalți.",
    "Move on to the next topic straight away to avoid conflict.": "Treceți imediat la următorul subiect, ca să evitați conflictul.",
    "Leaving care touches on loss and sometimes on participants' own childhood. Shaming participants closes the discussion; questions, young people's own words and the group's reflection are more likely to change views.": "Părăsirea sistemului de protecție atinge teme precum pierderea și uneori chiar copilăria participanților. Umilirea participanților închide discuția; întrebările, cuvintele tinerilor și reflecția grupului au mult mai multe șanse să schimbe opiniile.",
    # trainer-young-expert-story
    "A young expert who co-facilitates a session should be expected to tell their personal story of care, because that is what participants learn most from.": "Un tânăr expert care co-facilitează o sesiune ar trebui să își povestească propria experiență din sistemul de protecție, pentru că din ea învață participanții cel mai mult.",
    "Young experts are co-facilitators, not case studies. Agree in advance what they are willing to share and what is off limits, agree a signal to stop, and let them decide how much of their own story to tell.": "Tinerii experți sunt co-facilitatori, nu studii de caz. Stabiliți dinainte ce sunt dispuși să împărtășească și ce subiecte sunt excluse, conveniți un semnal de oprire și lăsați-i pe ei să decidă cât din propria poveste spun.",
    # eval-change-practice
    "The course will change how I prepare young people for leaving care.": "Cursul va schimba modul în care îi pregătesc pe tineri pentru părăsirea sistemului de protecție.",
    "Your answer helps trainers and the National Steering Group see whether the training leads to change in practice, not only whether it was liked.": "Răspunsul dumneavoastră le arată formatorilor și Grupului Național de Coordonare dacă formarea duce la schimbări în practică, nu doar dacă a plăcut.",
    # eval-quotes-helped
    "The quotes from young people helped me understand their view.": "Citatele tinerilor m-au ajutat să înțeleg punctul lor de vedere.",
    "Young people's own words are at the heart of the course; your answer tells us whether they came across.": "Cuvintele tinerilor sunt în centrul cursului; răspunsul dumneavoastră ne arată dacă mesajul lor a ajuns la dumneavoastră.",
    # eval-relevant
    "The course was relevant to my work with young people leaving care.": "Cursul a fost relevant pentru munca mea cu tinerii care părăsesc sistemul de protecție.",
    "Relevance shows whether the examples and tools fit the services in your country, and where they need adapting.": "Relevanța arată dacă exemplele și instrumentele se potrivesc serviciilor din țara dumneavoastră și unde trebuie adaptate.",
    # eval-confident-involving
    "I feel more confident involving young people in decisions about their future.": "Am mai multă încredere atunci când implic tinerii în deciziile privind viitorul lor.",
    "Confidence in involving young people is a first step towards making the right to be heard real in everyday practice.": "Încrederea de a-i implica pe tineri este un prim pas pentru ca dreptul de a fi ascultat să devină realitate în practica de zi cu zi.",
    # eval-recommend
    "I would recommend this course to colleagues in other services.": "Aș recomanda acest curs colegilor din alte servicii.",
    "Recommendations help the National Steering Group plan where the training should go next.": "Recomandările ajută Grupul Național de Coordonare să planifice unde va ajunge formarea în continuare.",
    # eval-how-much-use
    "How much of the course will you use in your work?": "Cât din curs veți folosi în munca dumneavoastră?",
    "Most of it": "Cea mai mare parte",
    "About half of it": "Cam jumătate",
    "A little of it": "O mică parte",
    "None of it": "Nimic",
    "There is no right or wrong answer. If you will use little of the course, please tell your trainer what stands in the way: these obstacles are valuable evidence for national policy recommendations.": "Nu există răspunsuri corecte sau greșite. Dacă veți folosi puțin din curs, vă rugăm să îi spuneți formatorului ce vă împiedică: aceste obstacole sunt dovezi valoroase pentru recomandările de politici publice la nivel național.",
    # Assessments
    "Course pre-test: where you start": "Pretestul cursului: punctul de plecare",
    "Answer these questions before you begin the course. There is no pass mark: your answers show what you already know, so that you can see what you have learnt when you answer the same questions again at the end.": "Răspundeți la aceste întrebări înainte de a începe cursul. Nu există un prag de promovare: răspunsurile dumneavoastră arată ce știți deja, astfel încât să puteți vedea ce ați învățat atunci când veți răspunde din nou la aceleași întrebări la final.",
    "Course post-test: what you have learnt": "Posttestul cursului: ce ați învățat",
    "Answer the same questions again now that you have completed the course. You pass with 70% of the knowledge questions right, and you have two attempts.": "Răspundeți din nou la aceleași întrebări acum, după ce ați parcurs cursul. Promovați dacă răspundeți corect la 70% dintre întrebările de cunoștințe și aveți la dispoziție două încercări.",
    "Knowledge check: children's rights and the leaving-care process": "Verificarea cunoștințelor: drepturile copilului și procesul de părăsire a sistemului de protecție",
    "Three short questions on children's rights and the leaving-care process. You can try as many times as you like, and the feedback explains each answer.": "Trei întrebări scurte despre drepturile copilului și procesul de părăsire a sistemului de protecție. Puteți încerca de câte ori doriți, iar feedbackul explică fiecare răspuns.",
    "Knowledge check: participation": "Verificarea cunoștințelor: participarea",
    "Three short questions on the right to be heard and on participation in care planning. You can try as many times as you like, and the feedback explains each answer.": "Trei întrebări scurte despre dreptul de a fi ascultat și despre participarea la planificarea îngrijirii. Puteți încerca de câte ori doriți, iar feedbackul explică fiecare răspuns.",
    "Knowledge check: preparing early": "Verificarea cunoștințelor: pregătirea timpurie",
    "Three short questions on readiness, preparation plans and gradual independence. You can try as many times as you like, and the feedback explains each answer.": "Trei întrebări scurte despre starea de pregătire, planurile de pregătire și independența dobândită treptat. Puteți încerca de câte ori doriți, iar feedbackul explică fiecare răspuns.",
    "Knowledge check: building support networks": "Verificarea cunoștințelor: construirea rețelelor de sprijin",
    "Three short questions on network mapping, peer support and contact with family. You can try as many times as you like, and the feedback explains each answer.": "Trei întrebări scurte despre harta rețelei de sprijin, sprijinul de la egal la egal și legătura cu familia. Puteți încerca de câte ori doriți, iar feedbackul explică fiecare răspuns.",
    "Check what you know: your move": "Verifică ce știi: pasul tău",
    "Three quick questions about your rights, getting ready to leave and renting a flat. It is not an exam: try as many times as you like.": "Trei întrebări rapide despre drepturile tale, pregătirea pentru plecare și închirierea unei locuințe. Nu este un examen: poți încerca de câte ori vrei.",
    "Knowledge check for trainers: running the national training": "Verificarea cunoștințelor pentru formatori: desfășurarea formării naționale",
    "Three questions on the training cascade, difficult moments in sessions and co-facilitating with young experts. You can try as many times as you like.": "Trei întrebări despre formarea în cascadă, momentele dificile din sesiuni și co-facilitarea împreună cu tinerii experți. Puteți încerca de câte ori doriți.",
    "Course evaluation": "Evaluarea cursului",
    "Tell us what you think of the course and how you will use it. Your answers help trainers and the National Steering Group improve the training and plan what comes next.": "Spuneți-ne ce credeți despre curs și cum îl veți folosi. Răspunsurile dumneavoastră vor fi folosite de formatori și de Grupul Național de Coordonare pentru a îmbunătăți formarea și a planifica pașii următori.",
}
