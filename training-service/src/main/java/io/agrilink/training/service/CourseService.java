package io.agrilink.training.service;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.vn.VietnameseText;
import io.agrilink.training.Course;
import io.agrilink.training.Topic;

/** Courses: creation and edits by staff, with language-tagged texts and prerequisites. */
@ApplicationScoped
public class CourseService {

    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    /** What staff give to create or change a course. */
    public record CourseDraft(String code, Topic topic, int hours, Map<String, String> title,
            Map<String, String> description, List<Long> prerequisiteIds) {
    }

    @Inject
    EntityManager em;

    @Transactional
    public Course create(CourseDraft draft) {
        String code = draft.code().strip().toUpperCase(Locale.ROOT);
        if (Course.count("code", code) > 0) {
            throw ProblemException.conflict("A course with code " + code + " already exists").with("field", "code");
        }
        Course course = new Course();
        course.code = code;
        course.createdAt = Instant.now();
        apply(course, draft);
        course.persist();
        Persistence.flushOrConflict(em, "A course with code " + code + " already exists");
        return course;
    }

    @Transactional
    public Course update(long id, CourseDraft draft) {
        Course course = Course.<Course> findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Course", id));
        String code = draft.code().strip().toUpperCase(Locale.ROOT);
        if (!code.equals(course.code) && Course.count("code", code) > 0) {
            throw ProblemException.conflict("A course with code " + code + " already exists").with("field", "code");
        }
        course.code = code;
        apply(course, draft);
        if (reaches(course.prerequisiteIds, course.id)) {
            throw ProblemException.invalid("prerequisiteIds", "would make the course a prerequisite of itself");
        }
        Persistence.flushOrConflict(em, "A course with code " + code + " already exists");
        return course;
    }

    private void apply(Course course, CourseDraft draft) {
        course.topic = draft.topic();
        course.hours = draft.hours();
        course.title = texts("title", draft.title());
        course.description = texts("description", draft.description());
        Set<Long> prerequisites = new LinkedHashSet<>();
        List<Long> ids = draft.prerequisiteIds() == null ? List.of() : draft.prerequisiteIds();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            if (course.id != null && course.id.equals(id)) {
                throw ProblemException.invalid("prerequisiteIds[" + i + "]", "a course cannot require itself");
            }
            if (Course.findById(id) == null) {
                throw ProblemException.invalid("prerequisiteIds[" + i + "]", "no course has id " + id);
            }
            prerequisites.add(id);
        }
        course.prerequisiteIds.clear();
        course.prerequisiteIds.addAll(prerequisites);
    }

    /** Validates BCP 47 tags (stored in canonical form), requires {@code vi}, stores text in NFC. */
    private static Map<String, String> texts(String field, Map<String, String> given) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            String tag = entry.getKey() == null ? "" : entry.getKey().strip();
            Locale locale = Locale.forLanguageTag(tag);
            if (!TAG.matcher(tag).matches() || locale.getLanguage().isEmpty()) {
                throw ProblemException.invalid(field + "." + tag, "is not a BCP 47 language tag (vi, en, zh-Hans ...)");
            }
            texts.put(locale.toLanguageTag(), VietnameseText.nfc(entry.getValue()));
        }
        if (!texts.containsKey("vi")) {
            throw ProblemException.invalid(field + ".vi", "a Vietnamese text is required");
        }
        return texts;
    }

    /** True when following prerequisites from {@code start} comes back to {@code target}. */
    private static boolean reaches(Set<Long> start, long target) {
        Deque<Long> todo = new ArrayDeque<>(start);
        Set<Long> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Long id = todo.pop();
            if (id == target) {
                return true;
            }
            if (seen.add(id)) {
                Course c = Course.findById(id);
                if (c != null) {
                    todo.addAll(c.prerequisiteIds);
                }
            }
        }
        return false;
    }
}
